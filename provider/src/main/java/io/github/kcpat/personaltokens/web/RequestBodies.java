package io.github.kcpat.personaltokens.web;

import java.util.Locale;
import org.keycloak.models.KeycloakSession;

/** Refusals that must happen before the framework reads a request's body. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * None of our endpoints takes multipart bodies, and the framework's multipart parser answers
     * a malformed one with a 500 before any resource method runs. Refusing them where our
     * resources are located turns that into the API's own 400.
     */
    public static void refuseMultipart(KeycloakSession session) {
        String type = session.getContext().getRequestHeaders().getHeaderString("Content-Type");
        if (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw ApiError.badRequest("multipart bodies are not accepted here");
        }
    }
}
