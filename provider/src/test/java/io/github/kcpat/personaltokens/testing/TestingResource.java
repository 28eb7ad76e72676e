package io.github.kcpat.personaltokens.testing;

import jakarta.persistence.Query;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Test-only endpoints of the integration-test server: the clock, and what the table holds. */
public class TestingResource {

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
}
