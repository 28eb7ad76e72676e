package io.github.kcpat.personaltokens.web;

import io.github.kcpat.personaltokens.core.ExchangeOutcome;
import io.github.kcpat.personaltokens.core.Refusal;
import io.github.kcpat.personaltokens.core.TokenVerifier;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;

/**
 * How a refused personal token is answered. The reason stays in the event log: every refusal of a
 * presented secret reads the same to the caller, so the answer does not tell an attacker which
 * guess came close.
 */
public final class RefusalResponses {

    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
    public static final int TOO_MANY_REQUESTS = 429;

    private RefusalResponses() {
    }

    /** The REST endpoints that take {@code X-Refresh-Token}: 400 when it is missing, 401 otherwise. */
    public static Response.ResponseBuilder rest(TokenVerifier.Refused refused, String header) {
        if (refused.refusal() == Refusal.THROTTLED) {
            return throttled(refused);
        }
        if (refused.refusal() == Refusal.MISSING) {
            return ApiError.response(Response.Status.BAD_REQUEST, OAuthErrorException.INVALID_REQUEST,
                    "the " + header + " header is required");
        }
        return ApiError.response(Response.Status.UNAUTHORIZED, OAuthErrorException.INVALID_TOKEN,
                ExchangeOutcome.Refused.DESCRIPTION);
    }

    public static Response.ResponseBuilder throttled(TokenVerifier.Refused refused) {
        return throttled(refused.retryAfterSeconds());
    }

    /** 429 with the seconds until the address's window ends. */
    public static Response.ResponseBuilder throttled(int retryAfterSeconds) {
        return ApiError.response(Response.Status.fromStatusCode(TOO_MANY_REQUESTS), TEMPORARILY_UNAVAILABLE,
                        "too many failed attempts from this address; retry later")
                .header("Retry-After", retryAfterSeconds);
    }
}
