package io.github.kcpat.personaltokens.rest;

import io.github.kcpat.personaltokens.token.TokenRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * An error answer with an OAuth-style body. It carries its own response entity, so JAX-RS sends it
 * as is instead of handing it to Keycloak's generic error mapper.
 */
public final class ApiError extends WebApplicationException {

    private ApiError(Response.Status status, String error, String description) {
        super(description, null, Responses.noStore(Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuth2ErrorRepresentation(error, description))).build());
    }

    public static ApiError badRequest(String description) {
        return new ApiError(Response.Status.BAD_REQUEST, OAuthErrorException.INVALID_REQUEST, description);
    }

    public static ApiError unauthorized(String description) {
        return new ApiError(Response.Status.UNAUTHORIZED, OAuthErrorException.INVALID_TOKEN, description);
    }

    public static ApiError forbidden(String description) {
        return new ApiError(Response.Status.FORBIDDEN, "forbidden", description);
    }

    public static ApiError notFound() {
        return new ApiError(Response.Status.NOT_FOUND, "not_found", "no such token");
    }

    public static ApiError notFound(String description) {
        return new ApiError(Response.Status.NOT_FOUND, "not_found", description);
    }

    public static ApiError conflict(String description) {
        return new ApiError(Response.Status.CONFLICT, "conflict", description);
    }

    public static ApiError from(TokenRequestException e) {
        return switch (e.kind()) {
            case INVALID -> badRequest(e.getMessage());
            case FORBIDDEN -> forbidden(e.getMessage());
            case NOT_FOUND -> notFound(e.getMessage());
            case CONFLICT -> conflict(e.getMessage());
        };
    }
}
