package io.github.kcpat.personaltokens.account;

import io.github.kcpat.personaltokens.core.ForwardAuthentication;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.core.Refusal;
import io.github.kcpat.personaltokens.core.TokenVerifier;
import io.github.kcpat.personaltokens.keycloak.PersonalTokensClient;
import io.github.kcpat.personaltokens.web.ApiError;
import io.github.kcpat.personaltokens.web.PresentedCredentials;
import io.github.kcpat.personaltokens.web.RefusalResponses;
import io.github.kcpat.personaltokens.web.Responses;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/personal-tokens/auth}: forward authentication for reverse proxies (nginx
 * {@code auth_request}, Traefik {@code forwardAuth}, Caddy {@code forward_auth}). A proxy passes
 * on only 401 and 403, so every refusal is one of those; any method is answered alike, because
 * nginx's subrequest keeps the client's.
 */
public final class ForwardAuthResource {

    static final String USER = "X-Auth-Request-User";
    static final String EMAIL = "X-Auth-Request-Email";
    static final String USER_ID = "X-Auth-Request-User-Id";
    static final String SCOPES = "X-Auth-Request-Scopes";
    static final String TOKEN_ID = "X-Auth-Request-Token-Id";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PersonalTokensConfig config;

    ForwardAuthResource(KeycloakSession session, RealmModel realm, PersonalTokensConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
    }

    @GET
    public Response get() {
        return check();
    }

    @POST
    public Response post() {
        return check();
    }

    @PUT
    public Response put() {
        return check();
    }

    @PATCH
    public Response patch() {
        return check();
    }

    @DELETE
    public Response delete() {
        return check();
    }

    @OPTIONS
    public Response options() {
        return check();
    }

    private Response check() {
        HttpHeaders headers = session.getContext().getRequestHeaders();
        PresentedCredentials credentials = PresentedCredentials.of(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getHeaderString(PersonalTokensResource.REFRESH_TOKEN_HEADER));
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.OAUTH2_EXTENSION_GRANT)
                .client(PersonalTokensClient.ensure(session, realm))
                .detail("forward_auth", "true");
        ForwardAuthentication.Outcome outcome = new ForwardAuthentication(session, realm, config).check(credentials.secret(),
                credentials.username(), PresentedCredentials.scopes(session.getContext().getUri().getQueryParameters().get("scope")), event);
        if (outcome instanceof ForwardAuthentication.Allowed allowed) {
            ForwardAuthentication.Identity identity = allowed.identity();
            Response.ResponseBuilder ok = Responses.noStore(Response.ok("", MediaType.TEXT_PLAIN_TYPE))
                    .header(USER, identity.user().getUsername())
                    .header(USER_ID, identity.user().getId())
                    .header(SCOPES, String.join(" ", identity.scopes()))
                    .header(TOKEN_ID, identity.tokenId());
            if (identity.user().getEmail() != null && !identity.user().getEmail().isBlank()) {
                ok.header(EMAIL, identity.user().getEmail());
            }
            return ok.build();
        }
        return refused(((ForwardAuthentication.Refused) outcome).refusal());
    }

    private Response refused(TokenVerifier.Refused refused) {
        if (refused.refusal() == Refusal.MISSING_SCOPE) {
            return ApiError.response(Response.Status.FORBIDDEN, "insufficient_scope",
                    "the token does not carry every required scope").build();
        }
        Response.ResponseBuilder answer = refused.refusal() == Refusal.THROTTLED
                ? ApiError.response(Response.Status.UNAUTHORIZED, RefusalResponses.TEMPORARILY_UNAVAILABLE,
                        "too many failed attempts from this address; retry later").header("Retry-After", refused.retryAfterSeconds())
                : ApiError.response(Response.Status.UNAUTHORIZED, OAuthErrorException.INVALID_TOKEN,
                        "a valid personal token is required, as a Bearer token or as the password of HTTP Basic");
        String quotedRealm = realm.getName().replace("\\", "\\\\").replace("\"", "\\\"");
        return answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + quotedRealm + "\", charset=\"UTF-8\"").build();
    }
}
