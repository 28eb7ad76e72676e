package io.github.kcpat.personaltokens.web;

import io.github.kcpat.personaltokens.core.TokenRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.keycloak.OAuthErrorException;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * An error answer with an OAuth-style body. It carries its own response entity, so JAX-RS sends it
 * as is instead of handing it to Keycloak's generic error mapper.
 */
public final class ApiError extends WebApplicationException {

    public static final String INSUFFICIENT_USER_AUTHENTICATION = "insufficient_user_authentication";

    private ApiError(Response.Status status, String error, String description) {
        this(description, response(status, error, description));
    }

    private ApiError(String description, Response.ResponseBuilder response) {
        super(description, null, response.build());
    }

    /**
     * The one error body of the extension, {@code {"error", "error_description"}}, never cached.
     * For the places that must return an error instead of throwing it (a throw rolls back the
     * transaction) or that decorate it further (CORS at the token endpoint).
     */
    public static Response.ResponseBuilder response(Response.Status status, String error, String description) {
        return Responses.noStore(Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuth2ErrorRepresentation(error, description)));
    }

    public static ApiError badRequest(String description) {
        return new ApiError(Response.Status.BAD_REQUEST, OAuthErrorException.INVALID_REQUEST, description);
    }

    public static ApiError unauthorized(String description) {
        return new ApiError(Response.Status.UNAUTHORIZED, OAuthErrorException.INVALID_TOKEN, description);
    }

    /** RFC 9470: the caller must sign in again, at most {@code maxAge} seconds before retrying. */
    public static ApiError insufficientUserAuthentication(int maxAge) {
        String description = "a sign-in within the last " + maxAge + " seconds is required";
        return new ApiError(description, response(Response.Status.UNAUTHORIZED, INSUFFICIENT_USER_AUTHENTICATION, description)
                .header("WWW-Authenticate", "Bearer error=\"" + INSUFFICIENT_USER_AUTHENTICATION
                        + "\", error_description=\"" + description + "\", max_age=\"" + maxAge + "\""));
    }

    public static ApiError forbidden(String description) {
        return new ApiError(Response.Status.FORBIDDEN, "forbidden", description);
    }

    public static ApiError notFound() {
        return notFound("no such token");
    }

    public static ApiError notFound(String description) {
        return new ApiError(Response.Status.NOT_FOUND, "not_found", description);
    }

    public static ApiError conflict(String description) {
        return new ApiError(Response.Status.CONFLICT, "conflict", description);
    }

    /** Runs a use case and answers its rule violations as the API's 400, 403, 404 or 409. */
    public static <T> T translating(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (TokenRequestException e) {
            throw from(e);
        }
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
