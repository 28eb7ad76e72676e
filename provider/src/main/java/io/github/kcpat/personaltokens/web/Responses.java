package io.github.kcpat.personaltokens.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Every answer about tokens may describe a credential, so none may be cached anywhere. */
public final class Responses {

    private Responses() {
    }

    public static Response.ResponseBuilder noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    /** The same refusal with the no-store headers added, for answers Keycloak built. */
    public static WebApplicationException noStore(WebApplicationException e) {
        return new WebApplicationException(e.getMessage(), e, noStore(Response.fromResponse(e.getResponse())).build());
    }

    public static Response ok(Object entity) {
        return noStore(Response.ok(entity)).build();
    }

    public static Response noContent() {
        return noStore(Response.noContent()).build();
    }
}
