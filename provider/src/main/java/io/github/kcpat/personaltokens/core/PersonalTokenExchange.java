package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.keycloak.AccessTokenMinter;
import io.github.kcpat.personaltokens.keycloak.BackingSessions;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.secret.TokenFormat;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessTokenResponse;

/**
 * The one code path that turns a personal token into an access token, behind both the OAuth grant
 * at the token endpoint and the {@code /access-token} REST endpoint.
 *
 * <p>Refusals are returned, not thrown: a thrown exception rolls back the Keycloak transaction,
 * and a refusal may have revoked a dead token and written an error event that must persist.
 */
public final class PersonalTokenExchange {

    public static final String GRANT_TYPE = "urn:keycloak:personal-token";
    public static final String GRANT_SHORTCUT = "pt";

    private static final Logger LOG = Logger.getLogger(PersonalTokenExchange.class);
    private static final String REFUSED = "invalid, expired or revoked personal token";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PersonalTokensConfig config;

    public PersonalTokenExchange(KeycloakSession session, RealmModel realm, PersonalTokensConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
    }

    /** @param event an event of type OAUTH2_EXTENSION_GRANT, already carrying client and IP */
    public ExchangeOutcome exchange(String presented, EventBuilder event) {
        event.detail(Details.GRANT_TYPE, GRANT_TYPE);
        if (!TokenFormat.isWellFormed(presented)) {
            return refuse(event, Errors.INVALID_TOKEN, "malformed");
        }
        PersonalTokenStore store = new PersonalTokenStore(session);
        Optional<PersonalTokenEntity> found = store.findByDigest(config.digester().digest(presented))
                .filter(t -> t.getRealmId().equals(realm.getId()));
        if (found.isEmpty()) {
            return refuse(event, Errors.INVALID_TOKEN, "unknown");
        }
        PersonalTokenEntity token = found.get();
        event.user(token.getUserId()).detail(TokenEvents.TOKEN_ID, token.getId());

        UserModel user = session.users().getUserById(realm, token.getUserId());
        if (user == null) {
            return refuse(event, Errors.USER_NOT_FOUND, "user_not_found");
        }
        event.detail(Details.USERNAME, user.getUsername());

        PersonalTokenService tokens = new PersonalTokenService(session, realm, config);
        long now = Time.currentTimeMillis();
        // A token is never silently downgraded or left half-alive: a dead one is revoked now.
        TokenLiveness.Verdict verdict = tokens.revokeIfDead(token, user, now);
        if (verdict.state() == TokenLiveness.State.USER_DISABLED) {
            return refuse(event, Errors.USER_DISABLED, "user_disabled");
        }
        if (verdict.state().isDead()) {
            String reason = verdict.state().revokeReason().detail();
            LOG.debugf("Revoked personal token %s of user %s: %s", token.getId(), user.getId(), reason);
            return refuse(event, Errors.INVALID_TOKEN, reason);
        }

        RoleScopes role = tokens.policy().role(token.getRole()).orElseThrow();
        AccessTokenResponse response = new AccessTokenMinter(session, GRANT_TYPE)
                .mint(realm, tokens.client(), verdict.offlineSession(), token.getId(), role.scopeString(), event);
        new BackingSessions(session).markUsed(verdict.offlineSession());
        long threshold = now - config.lastUsedIntervalSeconds() * 1000L;
        // Most exchanges fall inside the window: skip the statement, not just the row.
        if (token.getLastUsedAt() == null || token.getLastUsedAt() < threshold) {
            store.recordUse(token.getId(), now, threshold, session.getContext().getConnection().getRemoteAddr());
        }
        event.success();
        return new ExchangeOutcome.Granted(response);
    }

    private static ExchangeOutcome refuse(EventBuilder event, String error, String reason) {
        event.detail(Details.REASON, reason).error(error);
        return new ExchangeOutcome.Refused(REFUSED);
    }
}
