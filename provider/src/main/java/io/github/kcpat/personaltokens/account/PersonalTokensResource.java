package io.github.kcpat.personaltokens.account;

import io.github.kcpat.personaltokens.core.CreatedToken;
import io.github.kcpat.personaltokens.core.ExchangeOutcome;
import io.github.kcpat.personaltokens.core.ExposedSecrets;
import io.github.kcpat.personaltokens.core.FailureLimiter;
import io.github.kcpat.personaltokens.core.LiveToken;
import io.github.kcpat.personaltokens.core.PersonalTokenExchange;
import io.github.kcpat.personaltokens.core.PersonalTokenService;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.core.RevokeReason;
import io.github.kcpat.personaltokens.core.TokenVerifier;
import io.github.kcpat.personaltokens.keycloak.AccountLinks;
import io.github.kcpat.personaltokens.keycloak.PersonalTokensClient;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.web.ApiError;
import io.github.kcpat.personaltokens.web.NewTokenRequest;
import io.github.kcpat.personaltokens.web.RefusalResponses;
import io.github.kcpat.personaltokens.web.Responses;
import io.github.kcpat.personaltokens.web.RevocationReport;
import io.github.kcpat.personaltokens.web.RotationRequest;
import io.github.kcpat.personaltokens.web.TokenRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
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
        AccountLinks.remember(session.getContext().getUri().getBaseUri().toString());
    }

    @GET
    public Response list() {
        UserAuthenticator.Caller caller = authenticate();
        PersonalTokenService tokens = tokens();
        return Responses.ok(tokens.listLive(caller.user()).stream()
                .map(t -> TokenRepresentation.of(t, tokens))
                .toList());
    }

    @POST
    public Response create(String body) {
        UserAuthenticator.Caller caller = authenticate();
        PersonalTokenService tokens = tokens();
        StepUp.require(caller, tokens.policy());
        CreatedToken created = ApiError.translating(() -> tokens.create(caller.user(), NewTokenRequest.parse(body), null));
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(created.token().id()).build();
        return Responses.noStore(Response.created(location)
                .entity(TokenRepresentation.created(created, tokens))).build();
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
        return Responses.ok(TokenRepresentation.of(ownedBy(tokens, caller, id), tokens));
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

    @POST
    @Path("{id}/rotate")
    public Response rotate(@PathParam("id") String id, String body) {
        UserAuthenticator.Caller caller = authenticate();
        PersonalTokenService tokens = tokens();
        LiveToken token = ownedBy(tokens, caller, id);
        StepUp.require(caller, tokens.policy());
        CreatedToken rotated = ApiError.translating(() -> tokens.rotate(token, RotationRequest.expiresInDays(body), null))
                .orElseThrow(ApiError::notFound);
        return Responses.ok(TokenRepresentation.created(rotated, tokens));
    }

    /**
     * Rotation by the secret itself, for jobs that renew their own credential: no bearer token,
     * every rule of the exchange. A secret another rotation has just replaced is a retired secret.
     */
    @POST
    @Path("self/rotate")
    public Response selfRotate(@HeaderParam(REFRESH_TOKEN_HEADER) String presented, String body) {
        TokenVerifier verifier = new TokenVerifier(session, realm, config, exchangeEvent());
        TokenVerifier.Result result = verifier.verify(presented);
        if (result instanceof TokenVerifier.Verified verified) {
            Integer expiresInDays = RotationRequest.expiresInDays(body);
            PersonalTokenService tokens = verifier.tokens();
            LiveToken token = new LiveToken(verified.token(), verified.user(), verified.offlineSession());
            Optional<CreatedToken> rotated = ApiError.translating(() -> tokens.rotate(token, expiresInDays, verifier.digest(presented)));
            if (rotated.isPresent()) {
                return Responses.ok(TokenRepresentation.created(rotated.get(), tokens));
            }
            result = new TokenVerifier(session, realm, config, exchangeEvent()).verify(presented);
            if (result instanceof TokenVerifier.Verified) {
                throw ApiError.conflict("the token changed while it was rotated; try again");
            }
        }
        return RefusalResponses.rest((TokenVerifier.Refused) result, REFRESH_TOKEN_HEADER).build();
    }

    /**
     * Revoke by value, for secret scanners and anyone who finds a leaked token: no authentication,
     * always 200, nothing revealed (RFC 7009 §2.2). Every request counts against the address.
     * A form arrives already decoded by Keycloak, so it has a method of its own.
     */
    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeByForm() {
        return revokeByValue(() -> RevocationReport.fromForm(session.getContext().getHttpRequest()));
    }

    /** The JSON shapes of revoke by value; any other body is a 400. */
    @POST
    @Path("revoke")
    public Response revokeByJson(String body) {
        String contentType = session.getContext().getRequestHeaders().getHeaderString("Content-Type");
        return revokeByValue(() -> RevocationReport.fromJson(contentType, body));
    }

    private Response revokeByValue(Supplier<List<String>> report) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.REMOVE_CREDENTIAL);
        FailureLimiter limiter = new FailureLimiter(session, realm, config, session.getContext().getConnection().getRemoteAddr());
        OptionalInt retryAfter = limiter.throttled(event);
        if (retryAfter.isPresent()) {
            return RefusalResponses.throttled(retryAfter.getAsInt()).build();
        }
        limiter.count();
        new ExposedSecrets(session, config).revoke(report.get());
        // 200 with an empty body, as RFC 7009 answers; Keycloak wants a media type on every 200.
        return Responses.noStore(Response.ok("", MediaType.TEXT_PLAIN_TYPE)).build();
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
        ExchangeOutcome outcome = new PersonalTokenExchange(session, realm, config).exchange(presented, exchangeEvent());
        if (outcome instanceof ExchangeOutcome.Granted granted) {
            return Responses.ok(granted.body());
        }
        // Returned rather than thrown, so the revocation of a dead token is committed.
        return RefusalResponses.rest(((ExchangeOutcome.Refused) outcome).refusal(), REFRESH_TOKEN_HEADER).build();
    }

    private EventBuilder exchangeEvent() {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.OAUTH2_EXTENSION_GRANT)
                .client(PersonalTokensClient.ensure(session, realm));
    }

    /** Forward authentication for reverse proxies; any HTTP method. */
    @Path("auth")
    public ForwardAuthResource forwardAuth() {
        return new ForwardAuthResource(session, realm, config);
    }

    /** Paths below the API that name nothing, answered like everything else here. */
    @Path("{first}/{rest:.+}")
    public UnknownPath unknown() {
        return new UnknownPath();
    }

    private UserAuthenticator.Caller authenticate() {
        UserAuthenticator.Caller caller = UserAuthenticator.authenticate(session, realm);
        try {
            Cors.builder().checkAllowedOrigins(caller.token()).allowedMethods(METHODS).auth().add();
        } catch (ForbiddenException e) {
            // Keycloak's own refusal of an origin the token's client does not allow, in our shape.
            throw ApiError.forbidden("this origin is not allowed for the token's client");
        }
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
