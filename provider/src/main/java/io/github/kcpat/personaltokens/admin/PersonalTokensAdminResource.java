package io.github.kcpat.personaltokens.admin;

import io.github.kcpat.personaltokens.policy.PolicyStore;
import io.github.kcpat.personaltokens.policy.PolicyValidator;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.rest.ApiError;
import io.github.kcpat.personaltokens.rest.JsonBody;
import io.github.kcpat.personaltokens.rest.Responses;
import io.github.kcpat.personaltokens.rest.TokenRepresentation;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import io.github.kcpat.personaltokens.storage.TokenFilter;
import io.github.kcpat.personaltokens.token.CreatedToken;
import io.github.kcpat.personaltokens.token.NewToken;
import io.github.kcpat.personaltokens.token.PersonalTokenService;
import io.github.kcpat.personaltokens.token.PersonalTokensConfig;
import io.github.kcpat.personaltokens.token.TokenEvents;
import io.github.kcpat.personaltokens.token.TokenRequestException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.common.util.Time;
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
    private static final int READ_WINDOW = 200;
    private static final int MAX_SEARCH_USERS = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final PersonalTokensConfig config;

    PersonalTokensAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                AdminEventBuilder adminEvent, PersonalTokensConfig config) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(RESOURCE_TYPE);
        this.config = config;
    }

    @GET
    public Response list(@QueryParam("userId") String userId, @QueryParam("role") String role,
                         @QueryParam("search") String search, @QueryParam("first") Integer first,
                         @QueryParam("max") Integer max) {
        auth.users().requireQuery();
        int offset = first == null ? 0 : first;
        int limit = max == null ? 100 : max;
        if (offset < 0 || limit < 0 || limit > MAX_PAGE) {
            throw ApiError.badRequest("first must be >= 0 and max between 0 and " + MAX_PAGE);
        }
        if (userId != null) {
            auth.users().requireView(user(userId));
        }
        String text = search == null || search.isBlank() ? null : search.strip();
        TokenFilter filter = new TokenFilter(userId, role, text, text == null ? null : usersMatching(text));

        PersonalTokenService tokens = tokens();
        PersonalTokenStore store = new PersonalTokenStore(session);
        List<TokenRepresentation> page = new ArrayList<>();
        long now = Time.currentTimeMillis();
        int skipped = 0;
        for (int window = 0; page.size() < limit; window += READ_WINDOW) {
            List<PersonalTokenEntity> batch = store.search(realm.getId(), filter, window, READ_WINDOW);
            for (PersonalTokenEntity token : batch) {
                UserModel owner = session.users().getUserById(realm, token.getUserId());
                if (owner == null || !auth.users().canView(owner)
                        || tokens.liveness().check(token, owner, now).state().isDead()) {
                    continue;
                }
                if (skipped++ < offset) {
                    continue;
                }
                page.add(TokenRepresentation.of(token, owner.getUsername(), tokens.policy()));
                if (page.size() == limit) {
                    break;
                }
            }
            if (batch.size() < READ_WINDOW) {
                break;
            }
        }
        return ok(page);
    }

    @GET
    @Path("policy")
    public Response policy() {
        if (!auth.realm().canViewRealm() && !auth.users().canView()) {
            throw ApiError.forbidden("view-realm or view-users is required");
        }
        return ok(PolicyStore.read(realm));
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
        return Responses.noStore(Response.noContent()).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        PersonalTokenService tokens = tokens();
        PersonalTokenEntity token = tokens.findLive(id).orElseThrow(ApiError::notFound);
        UserModel owner = user(token.getUserId());
        auth.users().requireView(owner);
        return ok(TokenRepresentation.of(token, owner.getUsername(), tokens.policy()));
    }

    @POST
    public Response assign(String body) {
        JsonBody json = JsonBody.parse(body);
        UserModel owner = target(json.string("userId"), json.string("username"));
        auth.users().requireManage(owner);
        NewToken request = new NewToken(json.string("name"), json.integer("expiresInDays"), json.string("role"));
        PersonalTokenService tokens = tokens();
        CreatedToken created;
        try {
            created = tokens.create(owner, request, auth.adminAuth().getUser(), session.getContext().getConnection().getRemoteAddr());
        } catch (TokenRequestException e) {
            throw ApiError.from(e);
        }
        PersonalTokenEntity entity = created.entity();
        TokenEvents.created(session, realm, entity);
        TokenRepresentation shown = TokenRepresentation.of(entity, owner.getUsername(), tokens.policy());
        adminEvent.operation(OperationType.CREATE)
                .resourcePath(session.getContext().getUri(), entity.getId())
                .representation(shown).success();
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(entity.getId()).build();
        return Responses.noStore(Response.created(location)
                .entity(TokenRepresentation.of(entity, owner.getUsername(), tokens.policy(), created.secret()))).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        PersonalTokenService tokens = tokens();
        PersonalTokenEntity token = tokens.findLive(id).orElseThrow(ApiError::notFound);
        UserModel owner = user(token.getUserId());
        auth.users().requireManage(owner);
        TokenRepresentation shown = TokenRepresentation.of(token, owner.getUsername(), tokens.policy());
        tokens.revoke(token);
        TokenEvents.revoked(session, realm, token, "revoked_by_admin");
        adminEvent.operation(OperationType.DELETE).resourcePath(session.getContext().getUri())
                .representation(shown).success();
        return Responses.noStore(Response.noContent()).build();
    }

    @DELETE
    public Response revokeAllOfUser(@QueryParam("userId") String userId) {
        if (userId == null || userId.isBlank()) {
            throw ApiError.badRequest("userId is required");
        }
        UserModel owner = user(userId);
        auth.users().requireManage(owner);
        List<PersonalTokenEntity> revoked = tokens().revokeAll(owner);
        revoked.forEach(t -> TokenEvents.revoked(session, realm, t, "revoked_all_by_admin"));
        adminEvent.operation(OperationType.DELETE).resourcePath(session.getContext().getUri())
                .representation(Map.of("userId", owner.getId(), "revoked",
                        revoked.stream().map(PersonalTokenEntity::getId).toList()))
                .success();
        return Responses.noStore(Response.noContent()).build();
    }

    private UserModel target(String userId, String username) {
        if (userId != null) {
            return user(userId);
        }
        if (username != null) {
            UserModel user = session.users().getUserByUsername(realm, username);
            if (user == null) {
                throw ApiError.notFound("no such user");
            }
            return user;
        }
        throw ApiError.badRequest("userId or username is required");
    }

    private UserModel user(String id) {
        UserModel user = id == null || id.length() > 255 ? null : session.users().getUserById(realm, id);
        if (user == null) {
            throw ApiError.notFound("no such user");
        }
        return user;
    }

    private Set<String> usersMatching(String text) {
        return session.users()
                .searchForUserStream(realm, Map.of(UserModel.SEARCH, text), 0, MAX_SEARCH_USERS)
                .map(UserModel::getId).collect(Collectors.toSet());
    }

    private PersonalTokenService tokens() {
        return new PersonalTokenService(session, realm, config.digester());
    }

    private static Response ok(Object entity) {
        return Responses.noStore(Response.ok(entity)).build();
    }
}
