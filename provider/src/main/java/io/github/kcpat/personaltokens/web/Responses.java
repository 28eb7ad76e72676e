package io.github.kcpat.personaltokens.web;

import jakarta.ws.rs.core.Response;

/** Every answer about tokens may describe a credential, so none may be cached anywhere. */
public final class Responses {

    private Responses() {
    }

    public static Response.ResponseBuilder noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    public static Response ok(Object entity) {
        return noStore(Response.ok(entity)).build();
    }

    public static Response noContent() {
        return noStore(Response.noContent()).build();
    }
}
