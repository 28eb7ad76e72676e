package io.github.kcpat.personaltokens.web;

import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Refusals that must happen where our resources are located, before the framework or Keycloak
 * would turn a malformed request into a 500 of their own.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Two bodies the framework cannot cope with: a multipart body (none of our endpoints takes
     * one, and the framework's multipart parser answers a malformed one with a 500 before any
     * resource method runs), and a Content-Type that is not a media type (Keycloak's security
     * headers filter parses it on the way out and fails with a 500). Both become our 400; for the
     * second, that filter is told to skip this answer, as it could not read it anyway.
     */
    public static void refuseUnreadable(KeycloakSession session) {
        String type = session.getContext().getRequestHeaders().getHeaderString("Content-Type");
        if (type == null) {
            return;
        }
        try {
            MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
            throw ApiError.badRequest("the Content-Type header is not a media type");
        }
        if (type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw ApiError.badRequest("multipart bodies are not accepted here");
        }
    }
}
