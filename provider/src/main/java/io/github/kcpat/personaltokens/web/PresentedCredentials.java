package io.github.kcpat.personaltokens.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The credentials of a forward-authentication request (DESIGN §11): HTTP Basic with the token as
 * the password, a Bearer token, or {@code X-Refresh-Token}; {@code Authorization} wins when both
 * are sent. A header that is present but unreadable yields no secret, which is refused like any
 * missing credential.
 */
public record PresentedCredentials(String secret, String username) {

    private static final String BASIC = "basic ";
    private static final String BEARER = "bearer ";

    public static PresentedCredentials of(String authorization, String refreshTokenHeader) {
        if (authorization == null || authorization.isBlank()) {
            return new PresentedCredentials(refreshTokenHeader, null);
        }
        String value = authorization.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith(BEARER)) {
            return new PresentedCredentials(value.substring(BEARER.length()).strip(), null);
        }
        if (lower.startsWith(BASIC)) {
            return basic(value.substring(BASIC.length()).strip());
        }
        return new PresentedCredentials(null, null);
    }

    private static PresentedCredentials basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new PresentedCredentials(null, null);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new PresentedCredentials(null, null);
        }
        return new PresentedCredentials(decoded.substring(colon + 1), decoded.substring(0, colon));
    }

    /** {@code scope} parameters: separated by spaces, {@code +} or commas, repeated ones adding up. */
    public static List<String> scopes(List<String> parameters) {
        List<String> scopes = new ArrayList<>();
        if (parameters != null) {
            for (String parameter : parameters) {
                for (String scope : parameter.split("[\\s+,]+")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            }
        }
        return scopes;
    }

    @Override
    public String toString() {
        // Never print the secret, not even in a debug log of this record.
        return "PresentedCredentials[username=" + username + "]";
    }
}
