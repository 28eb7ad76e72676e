package io.github.kcpat.personaltokens.account;

import io.github.kcpat.personaltokens.web.ApiError;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;

/**
 * Whatever a path below the user API that names nothing is asked, it answers 404 in the API's own
 * error shape, never cached, instead of the framework's default page.
 */
public final class UnknownPath {

    @GET
    public Response get() {
        throw ApiError.notFound("no such resource");
    }

    @POST
    public Response post() {
        return get();
    }

    @PUT
    public Response put() {
        return get();
    }

    @PATCH
    public Response patch() {
        return get();
    }

    @DELETE
    public Response delete() {
        return get();
    }
}
