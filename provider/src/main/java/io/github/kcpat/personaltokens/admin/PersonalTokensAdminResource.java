package io.github.kcpat.personaltokens.admin;

import io.github.kcpat.personaltokens.core.CreatedToken;
import io.github.kcpat.personaltokens.core.LiveToken;
import io.github.kcpat.personaltokens.core.PersonalTokenService;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.core.RevokeReason;
import io.github.kcpat.personaltokens.core.TokenRequestException;
import io.github.kcpat.personaltokens.policy.PolicyStore;
import io.github.kcpat.personaltokens.policy.PolicyValidator;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.web.ApiError;
import io.github.kcpat.personaltokens.web.JsonBody;
import io.github.kcpat.personaltokens.web.NewTokenRequest;
import io.github.kcpat.personaltokens.web.Responses;
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
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.util.JsonSerialization;

/**
 * The account owner's API at {@code /admin/realms/{realm}/personal-tokens}. Keycloak has already
 * authenticated the admin (401 otherwise); every method authorizes through Keycloak's admin
 * permissions, so fine-grained permissions apply per user.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class PersonalTokensAdminResource {

    public static final String RESOURCE_TYPE = "PERSONAL_TOKEN";
    static final int MAX_PAGE = 1000;
    private static final int DEFAULT_PAGE = 100;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final PersonalTokensConfig config;
    private final TokenOwners owners;

    PersonalTokensAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                AdminEventBuilder adminEvent, PersonalTokensConfig config) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(RESOURCE_TYPE);
        this.config = config;
        this.owners = new TokenOwners(session, realm);
    }

    @GET
    public Response list(@QueryParam("userId") String userId, @QueryParam("role") String role,
                         @QueryParam("search") String search, @QueryParam("first") Integer first,
                         @QueryParam("max") Integer max) {
        auth.users().requireQuery();
        int offset = first == null ? 0 : first;
        int limit = max == null ? DEFAULT_PAGE : max;
        if (offset < 0 || limit < 0 || limit > MAX_PAGE) {
            throw ApiError.badRequest("first must be >= 0 and max between 0 and " + MAX_PAGE);
        }
        if (userId != null) {
            auth.users().requireView(owners.byId(userId));
        }
        PersonalTokenService tokens = tokens();
        List<TokenRepresentation> page = tokens.page(owners.filter(userId, role, search), auth.users()::canView, offset, limit)
                .stream().map(t -> TokenRepresentation.of(t, tokens.policy())).toList();
        return Responses.ok(page);
    }

    @GET
    @Path("policy")
    public Response policy() {
        if (!auth.realm().canViewRealm() && !auth.users().canView()) {
            throw ApiError.forbidden("view-realm or view-users is required");
        }
        return Responses.ok(PolicyStore.read(realm));
    }

    @PUT
    @Path("policy")
    public Response updatePolicy(String body) {
        auth.realm().requireManageRealm();
        JsonBody.parse(body);
        TokenPolicy policy;
        try {
            policy = JsonSerialization.readValue(body, TokenPolicy.class).withDefaultsFrom(TokenPolicy.DEFAULT);
        } catch (IOException | RuntimeException e) {
            throw ApiError.badRequest("the policy does not have the documented shape");
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
        auth.users().requireView(token.user());
        return Responses.ok(TokenRepresentation.of(token, tokens.policy()));
    }

    @POST
    public Response assign(String body) {
        JsonBody json = JsonBody.parse(body);
        UserModel owner = owners.target(json.string("userId"), json.string("username"));
        auth.users().requireManage(owner);
        PersonalTokenService tokens = tokens();
        CreatedToken created;
        try {
            created = tokens.create(owner, NewTokenRequest.from(json), auth.adminAuth().getUser());
        } catch (TokenRequestException e) {
            throw ApiError.from(e);
        }
        String id = created.token().id();
        adminEvent.operation(OperationType.CREATE)
                .resourcePath(session.getContext().getUri(), id)
                .representation(TokenRepresentation.of(created.token(), tokens.policy())).success();
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(id).build();
        return Responses.noStore(Response.created(location)
                .entity(TokenRepresentation.created(created, tokens.policy()))).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        PersonalTokenService tokens = tokens();
        LiveToken token = tokens.findLive(id).orElseThrow(ApiError::notFound);
        auth.users().requireManage(token.user());
        if (!tokens.revoke(token.entity(), RevokeReason.REVOKED_BY_ADMIN)) {
            throw ApiError.notFound();
        }
        adminEvent.operation(OperationType.DELETE).resourcePath(session.getContext().getUri())
                .representation(TokenRepresentation.of(token, tokens.policy())).success();
        return Responses.noContent();
    }

    @DELETE
    public Response revokeAllOfUser(@QueryParam("userId") String userId) {
        if (userId == null || userId.isBlank()) {
            throw ApiError.badRequest("userId is required");
        }
        UserModel owner = owners.byId(userId);
        auth.users().requireManage(owner);
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
