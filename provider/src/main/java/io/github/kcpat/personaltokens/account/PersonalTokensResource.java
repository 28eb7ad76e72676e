package io.github.kcpat.personaltokens.account;

import io.github.kcpat.personaltokens.core.CreatedToken;
import io.github.kcpat.personaltokens.core.ExchangeOutcome;
import io.github.kcpat.personaltokens.core.LiveToken;
import io.github.kcpat.personaltokens.core.PersonalTokenExchange;
import io.github.kcpat.personaltokens.core.PersonalTokenService;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.core.RevokeReason;
import io.github.kcpat.personaltokens.core.TokenRequestException;
import io.github.kcpat.personaltokens.keycloak.PersonalTokensClient;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.web.ApiError;
import io.github.kcpat.personaltokens.web.NewTokenRequest;
import io.github.kcpat.personaltokens.web.Responses;
import io.github.kcpat.personaltokens.web.TokenRepresentation;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.cors.Cors;

/**
 * The self-service API at {@code /realms/{realm}/personal-tokens}. Each method authenticates
 * first, then loads, then checks ownership (someone else's token is simply not found), then acts.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class PersonalTokensResource {

    static final String REFRESH_TOKEN_HEADER = "X-Refresh-Token";
    private static final String[] METHODS = {"GET", "POST", "DELETE"};

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PersonalTokensConfig config;

    PersonalTokensResource(KeycloakSession session, PersonalTokensConfig config) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.config = config;
    }

    @GET
    public Response list() {
        UserAuthenticator.Caller caller = authenticate();
        PersonalTokenService tokens = tokens();
        return Responses.ok(tokens.listLive(caller.user()).stream()
                .map(t -> TokenRepresentation.of(t, tokens.policy()))
                .toList());
    }

    @POST
    public Response create(String body) {
        UserAuthenticator.Caller caller = authenticate();
        PersonalTokenService tokens = tokens();
        CreatedToken created;
        try {
            created = tokens.create(caller.user(), NewTokenRequest.parse(body), null);
        } catch (TokenRequestException e) {
            throw ApiError.from(e);
        }
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(created.token().id()).build();
        return Responses.noStore(Response.created(location)
                .entity(TokenRepresentation.created(created, tokens.policy()))).build();
    }

    @GET
    @Path("policy")
    public Response policy() {
        UserAuthenticator.Caller caller = authenticate();
        PersonalTokenService tokens = tokens();
        TokenPolicy policy = tokens.policy();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roles", tokens.rolesHeldBy(caller.user()).stream().map(RoleScopes::role).toList());
        body.put("defaultExpiresInDays", policy.defaultExpiresInDays());
        body.put("maxExpiresInDays", policy.maxExpiresInDays());
        body.put("allowNonExpiring", policy.allowNonExpiring());
        body.put("maxTokensPerUser", policy.maxTokensPerUser());
        return Responses.ok(body);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        UserAuthenticator.Caller caller = authenticate();
        PersonalTokenService tokens = tokens();
        return Responses.ok(TokenRepresentation.of(ownedBy(tokens, caller, id), tokens.policy()));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        UserAuthenticator.Caller caller = authenticate();
        PersonalTokenService tokens = tokens();
        LiveToken token = ownedBy(tokens, caller, id);
        if (!tokens.revoke(token.entity(), RevokeReason.REVOKED_BY_USER)) {
            throw ApiError.notFound();
        }
        return Responses.noContent();
    }

    /** The Squadcast-style exchange: the personal token in a header, no bearer token needed. */
    @GET
    @Path("access-token")
    public Response exchangeByGet(@HeaderParam(REFRESH_TOKEN_HEADER) String presented) {
        return exchange(presented);
    }

    @POST
    @Path("access-token")
    public Response exchangeByPost(@HeaderParam(REFRESH_TOKEN_HEADER) String presented) {
        return exchange(presented);
    }

    @OPTIONS
    @Path("{any:.*}")
    public Response preflight() {
        return Cors.builder().auth().preflight().allowedMethods(METHODS).add(Responses.noStore(Response.ok()));
    }

    @OPTIONS
    public Response preflightRoot() {
        return preflight();
    }

    private Response exchange(String presented) {
        if (presented == null || presented.isBlank()) {
            throw ApiError.badRequest("the " + REFRESH_TOKEN_HEADER + " header is required");
        }
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.OAUTH2_EXTENSION_GRANT)
                .client(PersonalTokensClient.ensure(session, realm));
        ExchangeOutcome outcome = new PersonalTokenExchange(session, realm, config).exchange(presented.strip(), event);
        if (outcome instanceof ExchangeOutcome.Granted granted) {
            return Responses.ok(granted.body());
        }
        // Returned rather than thrown, so the revocation of a dead token is committed.
        return ApiError.response(Response.Status.UNAUTHORIZED, OAuthErrorException.INVALID_TOKEN,
                ((ExchangeOutcome.Refused) outcome).description()).build();
    }

    private UserAuthenticator.Caller authenticate() {
        UserAuthenticator.Caller caller = UserAuthenticator.authenticate(session, realm);
        Cors.builder().checkAllowedOrigins(caller.token()).allowedMethods(METHODS).auth().add();
        return caller;
    }

    private static LiveToken ownedBy(PersonalTokenService tokens, UserAuthenticator.Caller caller, String id) {
        return tokens.findLive(id)
                .filter(t -> t.user().getId().equals(caller.user().getId()))
                .orElseThrow(ApiError::notFound);
    }

    private PersonalTokenService tokens() {
        return new PersonalTokenService(session, realm, config);
    }
}
