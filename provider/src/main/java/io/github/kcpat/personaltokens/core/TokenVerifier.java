package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.policy.AllowedNetworks;
import io.github.kcpat.personaltokens.secret.TokenFormat;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import io.github.kcpat.personaltokens.storage.RetiredSecretEntity;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * Decides whether a presented secret stands, for every place a secret is presented: both
 * exchanges, self-rotation and forward authentication. One code path, so one set of rules: the
 * kill switch, the failure budget, format and checksum, reuse of a retired secret, every liveness
 * rule of DESIGN §6, and the token's allowed networks. Refusals are recorded as the error event
 * of the caller's event builder, with their reason, and counted against the address.
 */
public final class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    public sealed interface Result {
    }

    public record Verified(PersonalTokenEntity token, UserModel user, UserSessionModel offlineSession) implements Result {
    }

    /** @param retryAfterSeconds for {@link Refusal#THROTTLED} only; 0 otherwise */
    public record Refused(Refusal refusal, int retryAfterSeconds) implements Result {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PersonalTokensConfig config;
    private final PersonalTokenService tokens;
    private final EventBuilder event;
    private final String clientAddress;
    private final FailureLimiter limiter;

    /** @param event the caller's event, with its type and client set; refusals become its error */
    public TokenVerifier(KeycloakSession session, RealmModel realm, PersonalTokensConfig config, EventBuilder event) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.tokens = new PersonalTokenService(session, realm, config);
        this.event = event;
        this.clientAddress = session.getContext().getConnection().getRemoteAddr();
        this.limiter = new FailureLimiter(session, realm, config, clientAddress);
    }

    public PersonalTokenService tokens() {
        return tokens;
    }

    public String digest(String presented) {
        return config.digester().digest(presented.strip());
    }

    /** @param presented the secret as sent, or null when the request carried none */
    public Result verify(String presented) {
        if (!tokens.client().isEnabled()) {
            return record(Refusal.CLIENT_DISABLED);
        }
        OptionalInt retryAfter = limiter.throttled(event);
        if (retryAfter.isPresent()) {
            return new Refused(Refusal.THROTTLED, retryAfter.getAsInt());
        }
        if (presented == null || presented.isBlank()) {
            return refuse(Refusal.MISSING);
        }
        String secret = presented.strip();
        if (!TokenFormat.isWellFormed(secret)) {
            return refuse(Refusal.MALFORMED);
        }
        String digest = config.digester().digest(secret);
        PersonalTokenStore store = new PersonalTokenStore(session);
        Optional<PersonalTokenEntity> found = store.findByDigest(digest).filter(t -> t.getRealmId().equals(realm.getId()));
        if (found.isEmpty()) {
            return store.findRetired(digest).filter(r -> r.getRealmId().equals(realm.getId()))
                    .map(this::retiredSecret)
                    .orElseGet(() -> refuse(Refusal.UNKNOWN));
        }
        return standing(found.get());
    }

    /** Records a refusal the caller found itself (a Basic username mismatch, a missing scope). */
    public Refused refuse(Refusal refusal) {
        if (refusal.counted()) {
            limiter.count();
        }
        return record(refusal);
    }

    private Result standing(PersonalTokenEntity token) {
        event.user(token.getUserId()).detail(TokenEvents.TOKEN_ID, token.getId());
        UserModel user = session.users().getUserById(realm, token.getUserId());
        if (user == null) {
            return refuse(Refusal.USER_NOT_FOUND);
        }
        event.detail(Details.USERNAME, user.getUsername());
        // A token is never silently downgraded or left half-alive: a dead one is revoked now.
        TokenLiveness.Verdict verdict = tokens.revokeIfDead(token, user, Time.currentTimeMillis());
        if (verdict.state() != TokenLiveness.State.LIVE) {
            LOG.debugf("Refused personal token %s of user %s: %s", token.getId(), user.getId(), verdict.state());
            return refuse(Refusal.of(verdict.state()));
        }
        if (!AllowedNetworks.fromStored(token.getAllowedNetworks()).allows(clientAddress)) {
            event.detail("address", clientAddress);
            return refuse(Refusal.NETWORK_NOT_ALLOWED);
        }
        return new Verified(token, user, verdict.offlineSession());
    }

    /** Someone presents a secret that rotation replaced: an old copy is in someone's hands. */
    private Result retiredSecret(RetiredSecretEntity retired) {
        event.detail(TokenEvents.TOKEN_ID, retired.getTokenId());
        long sinceRetired = Time.currentTimeMillis() - retired.getRetiredAt();
        if (sinceRetired < config.rotationReuseGraceSeconds() * 1000L) {
            return refuse(Refusal.RETIRED);
        }
        new PersonalTokenStore(session).findById(realm.getId(), retired.getTokenId()).ifPresent(token -> {
            event.user(token.getUserId());
            tokens.revokeExposed(token, RevokeReason.ROTATED_SECRET_REUSED);
        });
        return refuse(Refusal.REUSED);
    }

    private Refused record(Refusal refusal) {
        event.detail(Details.REASON, refusal.detail()).error(refusal.error());
        return new Refused(refusal, 0);
    }
}
