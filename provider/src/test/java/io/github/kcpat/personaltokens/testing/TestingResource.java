package io.github.kcpat.personaltokens.testing;

import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.core.TokenRequestRules;
import io.github.kcpat.personaltokens.keycloak.BackingSessions;
import io.github.kcpat.personaltokens.keycloak.PersonalTokensClient;
import io.github.kcpat.personaltokens.policy.PolicyStore;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.secret.TokenFormat;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import jakarta.persistence.Query;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Test-only endpoints of the integration-test server: the clock, what the table holds, seeding. */
public class TestingResource {

    /** One seeding request stays one short transaction; the growth benchmark sends many. */
    static final int MAX_SEED_PER_REQUEST = 1000;
    private static final Set<String> SEED_PARAMS = Set.of("users", "tokens", "prefix");
    private static final String SEED_ROLE = "user";
    /** Seeded tokens' creation times spread over this many days, so that unusedForDays matches some. */
    private static final int SEED_AGE_SPREAD_DAYS = 60;

    private final KeycloakSession session;

    TestingResource(KeycloakSession session) {
        this.session = session;
    }

    /** Sets Keycloak's clock offset in seconds. */
    @PUT
    @Path("time-offset")
    public Response setOffset(@QueryParam("seconds") int seconds) {
        Time.setOffset(seconds);
        return Response.noContent().build();
    }

    /**
     * Counts the rows of the token table for a realm id (and a user id), straight in the database,
     * whatever the provider's own code would show. The embedded dev database cannot be opened from
     * outside while Keycloak runs, so this is how the tests see it.
     */
    @GET
    @Path("token-rows")
    @Produces(MediaType.APPLICATION_JSON)
    public Response countTokenRows(@QueryParam("realmId") String realmId, @QueryParam("userId") String userId) {
        if (realmId == null || realmId.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", "realmId is required")).build();
        }
        String sql = "select count(*) from KCPAT_PERSONAL_TOKEN where REALM_ID = ?1" + (userId == null ? "" : " and USER_ID = ?2");
        Query query = session.getProvider(JpaConnectionProvider.class).getEntityManager().createNativeQuery(sql);
        query.setParameter(1, realmId);
        if (userId != null) {
            query.setParameter(2, userId);
        }
        return Response.ok(Map.of("rows", ((Number) query.getSingleResult()).longValue())).build();
    }

    /**
     * Why this exists: the growth benchmark needs 100,000 tokens in a realm, and creating them one
     * by one through the account API (a login, step-up, events, the per-user limit) would take
     * hours. This inserts {@code tokens} tokens for each of {@code users} users named
     * {@code prefix-0 ... prefix-(users-1)} (made with role {@code user} when missing, without
     * password), through the provider's own storage code, each with a real backing session and a
     * digest from the configured digester, so that any of them can be exchanged. Unlike a real
     * creation it skips the limit check and the events, and it backdates creation times over
     * {@value #SEED_AGE_SPREAD_DAYS} days. It runs inside the HTTP request because a backing
     * session's issuer comes from the request's URI. Answers the counts and two sample secrets
     * (test-only: nothing else in this project returns a secret outside a creation).
     */
    @POST
    @Path("seed-tokens")
    @Produces(MediaType.APPLICATION_JSON)
    public Response seedTokens(@Context UriInfo uri) {
        Set<String> unknown = new java.util.TreeSet<>(uri.getQueryParameters().keySet());
        unknown.removeAll(SEED_PARAMS);
        String prefix = uri.getQueryParameters().getFirst("prefix");
        Integer users = positive(uri.getQueryParameters().getFirst("users"));
        Integer tokens = positive(uri.getQueryParameters().getFirst("tokens"));
        if (!unknown.isEmpty() || prefix == null || !prefix.matches("[a-z0-9-]{1,40}") || users == null
                || tokens == null || (long) users * tokens > MAX_SEED_PER_REQUEST) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error",
                    "expected users, tokens (users*tokens <= " + MAX_SEED_PER_REQUEST + ") and prefix ([a-z0-9-]{1,40}) only"
                            + (unknown.isEmpty() ? "" : "; unknown: " + unknown))).build();
        }
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = PersonalTokensClient.ensure(session, realm);
        TokenPolicy policy = PolicyStore.read(realm);
        RoleScopes role = policy.role(SEED_ROLE).orElseThrow();
        PersonalTokensConfig config = PersonalTokensConfig.load();
        PersonalTokenStore store = new PersonalTokenStore(session);
        BackingSessions sessions = new BackingSessions(session);
        String ip = session.getContext().getConnection().getRemoteAddr();
        long now = Time.currentTimeMillis();
        List<String> samples = new ArrayList<>();
        int seeded = 0;
        for (int u = 0; u < users; u++) {
            UserModel user = seedUser(realm, prefix + "-" + u);
            for (int t = 0; t < tokens; t++, seeded++) {
                String secret = TokenFormat.generate(policy.tokenPrefix());
                // Distinct milliseconds, as real creations have.
                long createdAt = now - TimeUnit.DAYS.toMillis(seeded % SEED_AGE_SPREAD_DAYS) - seeded;
                PersonalTokenEntity token = new PersonalTokenEntity();
                token.setId(KeycloakModelUtils.generateId());
                token.setRealmId(realm.getId());
                token.setUserId(user.getId());
                token.setName(prefix + "-" + u + "-" + t);
                token.setRole(role.role());
                token.setScopes(role.scopeString());
                token.setDigest(config.digester().digest(secret));
                token.setHint(TokenFormat.hint(secret));
                token.setCreatedAt(createdAt);
                token.setExpiresAt(TokenRequestRules.expiresAt(policy, role, null, now));
                token.setSessionId(sessions.create(realm, client, user, ip));
                store.add(token);
                // The persistence context would otherwise grow with the batch, and every flush with it.
                store.forget(List.of(token));
                if (samples.size() < 2) {
                    samples.add(secret);
                }
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("users", users);
        answer.put("tokens", seeded);
        answer.put("sampleSecrets", samples);
        return Response.ok(answer).build();
    }

    private UserModel seedUser(RealmModel realm, String username) {
        UserModel user = session.users().getUserByUsername(realm, username);
        if (user == null) {
            user = session.users().addUser(realm, username);
            user.setEnabled(true);
            user.grantRole(realm.getRole(SEED_ROLE));
        }
        return user;
    }

    private static Integer positive(String raw) {
        try {
            int value = raw == null ? 0 : Integer.parseInt(raw);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
