package io.github.kcpat.personaltokens.grant;

import io.github.kcpat.personaltokens.keycloak.AccessTokenMinter;
import io.github.kcpat.personaltokens.keycloak.BackingSessions;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenExchangeContext;
import org.keycloak.protocol.oidc.TokenExchangeProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.CorsErrorResponseException;

/**
 * Refuses token exchange whose subject (or actor) is a token derived from a personal token
 * (DESIGN §9.1). Without it, any client with standard token exchange enabled could turn a derived
 * access token into one for the account console or the admin API, with a grant type whose tokens
 * Keycloak accepts there, and mint personal tokens that outlive the revoked original.
 *
 * <p>It runs before Keycloak's own exchange providers (higher order) and claims only derived
 * subjects; every other exchange goes on to them untouched.
 */
final class DerivedTokenExchangeGuard implements TokenExchangeProvider {

    private final KeycloakSession session;

    DerivedTokenExchangeGuard(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public boolean supports(TokenExchangeContext context) {
        return isDerived(context, context.getParams().getSubjectToken())
                || isDerived(context, context.getParams().getActorToken());
    }

    @Override
    public Response exchange(TokenExchangeContext context) {
        context.getEvent().detail(Details.REASON, "derived_from_personal_token").error(Errors.INVALID_TOKEN);
        throw new CorsErrorResponseException(context.getCors(), OAuthErrorException.INVALID_REQUEST,
                "tokens obtained from a personal token cannot be exchanged", Response.Status.BAD_REQUEST);
    }

    /**
     * Read without verifying the signature: the only outcome is a refusal, and a forged token
     * naming a backing session would be refused by Keycloak's own provider anyway.
     */
    private boolean isDerived(TokenExchangeContext context, String jwt) {
        if (jwt == null || jwt.isBlank()) {
            return false;
        }
        AccessToken token;
        try {
            token = new JWSInput(jwt).readJsonContent(AccessToken.class);
        } catch (JWSInputException | RuntimeException e) {
            return false;
        }
        return token != null && (token.getOtherClaims().containsKey(AccessTokenMinter.TOKEN_ID_CLAIM)
                || new BackingSessions(session).isBacking(context.getRealm(), token.getSessionId()));
    }

    @Override
    public void close() {
    }
}
