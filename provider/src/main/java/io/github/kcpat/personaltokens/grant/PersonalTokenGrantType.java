package io.github.kcpat.personaltokens.grant;

import io.github.kcpat.personaltokens.core.ExchangeOutcome;
import io.github.kcpat.personaltokens.core.PersonalTokenExchange;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.core.TokenVerifier;
import io.github.kcpat.personaltokens.keycloak.PersonalTokensClient;
import io.github.kcpat.personaltokens.web.ApiError;
import io.github.kcpat.personaltokens.web.RefusalResponses;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.representations.AccessToken;

/**
 * {@code grant_type=urn:keycloak:personal-token} at the realm's token endpoint. Keycloak has
 * already authenticated the client, applied DPoP and length limits and set no-store headers.
 */
final class PersonalTokenGrantType extends OAuth2GrantTypeBase {

    static final String PARAM = "personal_token";

    private final PersonalTokensConfig config;

    PersonalTokenGrantType(PersonalTokensConfig config) {
        this.config = config;
    }

    @Override
    public Response process(Context context) {
        setContext(context);
        if (!PersonalTokensClient.CLIENT_ID.equals(client.getClientId())) {
            event.error(Errors.INVALID_CLIENT);
            return error(OAuthErrorException.UNAUTHORIZED_CLIENT,
                    "only the client " + PersonalTokensClient.CLIENT_ID + " may use this grant");
        }
        ExchangeOutcome outcome = new PersonalTokenExchange(session, realm, config).exchange(formParams.getFirst(PARAM), event);
        if (outcome instanceof ExchangeOutcome.Granted granted) {
            return cors.add(Response.ok(granted.body()).type("application/json"));
        }
        TokenVerifier.Refused refused = ((ExchangeOutcome.Refused) outcome).refusal();
        // RFC 6749 §5.2 answers, as Keycloak's own grants give them.
        return switch (refused.refusal()) {
            case THROTTLED -> cors.add(RefusalResponses.throttled(refused));
            case MISSING -> error(OAuthErrorException.INVALID_REQUEST, "missing parameter: " + PARAM);
            case CLIENT_DISABLED -> cors.add(ApiError.response(Response.Status.UNAUTHORIZED,
                    OAuthErrorException.INVALID_CLIENT, "the client is disabled"));
            default -> error(OAuthErrorException.INVALID_GRANT, ExchangeOutcome.Refused.DESCRIPTION);
        };
    }

    private Response error(String error, String description) {
        return cors.add(ApiError.response(Response.Status.BAD_REQUEST, error, description));
    }

    @Override
    public EventType getEventType() {
        return EventType.OAUTH2_EXTENSION_GRANT;
    }

    @Override
    public Set<String> getTokenParameterNames() {
        return Set.of(PARAM);
    }

    /**
     * Access tokens minted from a personal token must not reach the account console, the admin API
     * or our own management API: a leaked one could otherwise mint more tokens. Keycloak asks this
     * only where it authenticates bearer tokens for its own services, never for the operator's APIs.
     */
    @Override
    public boolean isTokenAllowed(KeycloakSession session, AccessToken token) {
        return false;
    }
}
