package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.keycloak.AccessTokenMinter;
import io.github.kcpat.personaltokens.keycloak.BackingSessions;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
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

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PersonalTokensConfig config;

    public PersonalTokenExchange(KeycloakSession session, RealmModel realm, PersonalTokensConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
    }

    /**
     * @param presented the secret as sent, or null when the request carried none
     * @param event an event of type OAUTH2_EXTENSION_GRANT, already carrying client and IP
     */
    public ExchangeOutcome exchange(String presented, EventBuilder event) {
        event.detail(Details.GRANT_TYPE, GRANT_TYPE);
        TokenVerifier verifier = new TokenVerifier(session, realm, config, event);
        TokenVerifier.Result result = verifier.verify(presented);
        if (result instanceof TokenVerifier.Refused refused) {
            return new ExchangeOutcome.Refused(refused);
        }
        TokenVerifier.Verified verified = (TokenVerifier.Verified) result;
        PersonalTokenService tokens = verifier.tokens();
        RoleScopes role = tokens.policy().role(verified.token().getRole()).orElseThrow();
        AccessTokenResponse response = new AccessTokenMinter(session, GRANT_TYPE).mint(realm, tokens.client(),
                verified.offlineSession(), verified.token().getId(), role.scopeString(), event);
        new BackingSessions(session).markUsed(verified.offlineSession(), tokens.client());
        tokens.recordUse(verified.token());
        event.success();
        return new ExchangeOutcome.Granted(response);
    }
}
