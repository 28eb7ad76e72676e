package io.github.kcpat.personaltokens.admin;

import io.github.kcpat.personaltokens.core.CreatedToken;
import io.github.kcpat.personaltokens.core.LiveToken;
import io.github.kcpat.personaltokens.core.PersonalTokenService;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.core.RevokeReason;
import io.github.kcpat.personaltokens.policy.PolicyJson;
import io.github.kcpat.personaltokens.policy.PolicyStore;
import io.github.kcpat.personaltokens.policy.PolicyValidator;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.TokenFilter;
import io.github.kcpat.personaltokens.web.ApiError;
import io.github.kcpat.personaltokens.web.JsonBody;
import io.github.kcpat.personaltokens.web.NewTokenRequest;
import io.github.kcpat.personaltokens.web.QueryNumbers;
import io.github.kcpat.personaltokens.web.Responses;
import io.github.kcpat.personaltokens.web.RotationRequest;
import io.github.kcpat.personaltokens.web.TokenRepresentation;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The account owner's API at {@code /admin/realms/{realm}/personal-tokens}. Keycloak has already
 * authenticated the admin (401 otherwise); every method authorizes through Keycloak's admin
 * permissions, so fine-grained permissions apply per user.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class PersonalTokensAdminResource {

    public static final String RESOURCE_TYPE = "PERSONAL_TOKEN";
    public static final String TOTAL_COUNT = "X-Total-Count";
    /** Totals above this are not counted: the count would read every matching row of the realm. */
    public static final int EXACT_TOTAL_UP_TO = 1000;
    static final int MAX_PAGE = 1000;
    private static final int MAX_UNUSED_DAYS = 36_500;
    private static final int DEFAULT_PAGE = 100;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OwnerPermissions auth;
    private final AdminEventBuilder adminEvent;
    private final PersonalTokensConfig config;
    private final TokenOwners owners;

    PersonalTokensAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                AdminEventBuilder adminEvent, PersonalTokensConfig config) {
        this.session = session;
        this.realm = realm;
        this.auth = new OwnerPermissions(auth);
        this.adminEvent = adminEvent.resource(RESOURCE_TYPE);
        this.config = config;
        this.owners = new TokenOwners(session, realm);
    }

    @GET
    public Response list(@QueryParam("userId") String userId, @QueryParam("role") String role,
                         @QueryParam("search") String search, @QueryParam("unusedForDays") String unusedForDays,
                         @QueryParam("first") String first, @QueryParam("max") String max) {
        auth.requireQuery();
        int offset = QueryNumbers.parse("first", first, 0, 0, Integer.MAX_VALUE);
        int limit = QueryNumbers.parse("max", max, DEFAULT_PAGE, 0, MAX_PAGE);
        Integer unusedDays = unusedForDays == null ? null : QueryNumbers.parse("unusedForDays", unusedForDays, 1, 1, MAX_UNUSED_DAYS);
        if (userId != null) {
            auth.requireView(owners.byId(userId));
        }
        PersonalTokenService tokens = tokens();
        TokenFilter filter = owners.filter(userId, role, search, unusedDays);
        List<TokenRepresentation> page = tokens.page(filter, auth::canView, offset, limit).stream()
                .map(t -> TokenRepresentation.of(t, tokens)).toList();
        Response.ResponseBuilder answer = Responses.noStore(Response.ok(page));
        if (auth.canViewEveryUser()) {
            // Rows matching the filter; a token Keycloak ended but nobody has touched since still
            // counts until the next sweep or listing revokes it. Per-user permissions would need
            // a pass over every row, so admins limited to some users get no total, and neither
            // does anyone when more than EXACT_TOTAL_UP_TO match: clients page on until a short page.
            tokens.countUpTo(filter, EXACT_TOTAL_UP_TO).ifPresent(total -> answer.header(TOTAL_COUNT, total));
        }
        return answer.build();
    }

    @GET
    @Path("policy")
    public Response policy() {
        auth.requireViewPolicy();
        return Responses.ok(PolicyStore.read(realm));
    }

    @PUT
    @Path("policy")
    public Response updatePolicy(String body) {
        auth.requireManageRealm();
        JsonBody.parse(body);
        TokenPolicy policy;
        try {
            policy = PolicyJson.read(body).withDefaultsFrom(TokenPolicy.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        List<String> errors = PolicyValidator.validate(policy);
        if (!errors.isEmpty()) {
            throw ApiError.badRequest(String.join("; ", errors));
        }
        PolicyStore.write(realm, policy);
        adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri())
                .representation(policy).success();
        return Responses.noContent();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        PersonalTokenService tokens = tokens();
        LiveToken token = tokens.findLive(id).orElseThrow(ApiError::notFound);
        auth.requireView(token.user());
        return Responses.ok(TokenRepresentation.of(token, tokens));
    }

    @POST
    public Response assign(String body) {
        JsonBody json = JsonBody.parse(body);
        UserModel owner = owners.target(json.string("userId"), json.string("username"));
        auth.requireManage(owner);
        PersonalTokenService tokens = tokens();
        CreatedToken created = ApiError.translating(() -> tokens.create(owner, NewTokenRequest.from(json), auth.admin()));
        String id = created.token().id();
        adminEvent.operation(OperationType.CREATE)
                .resourcePath(session.getContext().getUri(), id)
                .representation(TokenRepresentation.of(created.token(), tokens)).success();
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(id).build();
        return Responses.noStore(Response.created(location).entity(TokenRepresentation.created(created, tokens))).build();
    }

    @POST
    @Path("{id}/rotate")
    public Response rotate(@PathParam("id") String id, String body) {
        PersonalTokenService tokens = tokens();
        LiveToken token = tokens.findLive(id).orElseThrow(ApiError::notFound);
        auth.requireManage(token.user());
        Integer expiresInDays = RotationRequest.expiresInDays(body);
        CreatedToken rotated = ApiError.translating(() -> tokens.rotate(token, expiresInDays, null)).orElseThrow(ApiError::notFound);
        adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri())
                .representation(TokenRepresentation.of(rotated.token(), tokens)).success();
        return Responses.ok(TokenRepresentation.created(rotated, tokens));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        PersonalTokenService tokens = tokens();
        LiveToken token = tokens.findLive(id).orElseThrow(ApiError::notFound);
        auth.requireManage(token.user());
        TokenRepresentation shown = TokenRepresentation.of(token, tokens);
        if (!tokens.revoke(token.entity(), RevokeReason.REVOKED_BY_ADMIN)) {
            throw ApiError.notFound();
        }
        adminEvent.operation(OperationType.DELETE).resourcePath(session.getContext().getUri())
                .representation(shown).success();
        return Responses.noContent();
    }

    @DELETE
    public Response revokeAllOfUser(@QueryParam("userId") String userId) {
        if (userId == null || userId.isBlank()) {
            throw ApiError.badRequest("userId is required");
        }
        UserModel owner = owners.byId(userId);
        auth.requireManage(owner);
        List<PersonalTokenEntity> revoked = tokens().revokeAll(owner, RevokeReason.REVOKED_ALL_BY_ADMIN);
        adminEvent.operation(OperationType.DELETE).resourcePath(session.getContext().getUri())
                .representation(Map.of("userId", owner.getId(), "revoked",
                        revoked.stream().map(PersonalTokenEntity::getId).toList()))
                .success();
        return Responses.noContent();
    }

    private PersonalTokenService tokens() {
        return new PersonalTokenService(session, realm, config);
    }
}
