package io.github.kcpat.personaltokens.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.representations.AccessTokenResponse;

/** The result of one exchange; the two endpoints turn a refusal into their own status code. */
public sealed interface ExchangeOutcome {

    record Granted(AccessTokenResponse response) implements ExchangeOutcome {

        /** The documented body: no refresh token, the personal token is the refresh credential. */
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", response.getToken());
            body.put("token_type", response.getTokenType());
            body.put("expires_in", response.getExpiresIn());
            body.put("scope", response.getScope());
            return body;
        }
    }

    record Refused(TokenVerifier.Refused refusal) implements ExchangeOutcome {

        public static final String DESCRIPTION = "invalid, expired or revoked personal token";
    }
}
