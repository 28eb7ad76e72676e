package io.github.kcpat.personaltokens.testing;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.keycloak.common.util.Time;

/** Test-only: sets Keycloak's clock offset in seconds. */
public class TimeOffsetResource {

    @PUT
    @Path("time-offset")
    public Response setOffset(@QueryParam("seconds") int seconds) {
        Time.setOffset(seconds);
        return Response.noContent().build();
    }
}
