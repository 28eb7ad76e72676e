package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.keycloak.BackingSessions;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import java.util.List;
import java.util.Locale;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Forward authentication (DESIGN §11): is this personal token good for this request? Every rule
 * of the exchange applies, through the same verifier; nothing is minted, so it costs a digest, a
 * lookup and the liveness check. A success is a use of the token, but not a login: it records the
 * (throttled) last use and fires no user event.
 */
public final class ForwardAuthentication {

    /** What the proxy passes on to the protected service. */
    public record Identity(UserModel user, String tokenId, List<String> scopes) {
    }

    public sealed interface Outcome {
    }

    public record Allowed(Identity identity) implements Outcome {
    }

    public record Refused(TokenVerifier.Refused refusal) implements Outcome {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PersonalTokensConfig config;

    public ForwardAuthentication(KeycloakSession session, RealmModel realm, PersonalTokensConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
    }

    /**
     * @param username      the Basic username, which must be the token's user's; null for Bearer
     *                      and {@code X-Refresh-Token}
     * @param requiredScopes every one must be among the token's role scopes under the live policy
     * @param event         an OAUTH2_EXTENSION_GRANT event: refusals become its error, successes fire nothing
     */
    public Outcome check(String secret, String username, List<String> requiredScopes, EventBuilder event) {
        TokenVerifier verifier = new TokenVerifier(session, realm, config, event);
        TokenVerifier.Result result = verifier.verify(secret);
        if (result instanceof TokenVerifier.Refused refused) {
            return new Refused(refused);
        }
        TokenVerifier.Verified verified = (TokenVerifier.Verified) result;
        if (username != null && !username.toLowerCase(Locale.ROOT).equals(verified.user().getUsername().toLowerCase(Locale.ROOT))) {
            return new Refused(verifier.refuse(Refusal.USERNAME_MISMATCH));
        }
        PersonalTokenService tokens = verifier.tokens();
        List<String> scopes = tokens.policy().role(verified.token().getRole()).map(RoleScopes::scopes).orElse(List.of());
        if (!scopes.containsAll(requiredScopes)) {
            return new Refused(verifier.refuse(Refusal.MISSING_SCOPE));
        }
        new BackingSessions(session).markUsed(verified.offlineSession(), tokens.client());
        tokens.recordUse(verified.token());
        return new Allowed(new Identity(verified.user(), verified.token().getId(), scopes));
    }
}
