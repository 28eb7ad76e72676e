package io.github.kcpat.personaltokens.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a token into the only form that is stored: SHA-256, or HMAC-SHA256 when the operator
 * configured a server-side secret. With the secret, a stolen database dump cannot even be used to
 * test guesses offline.
 */
public final class TokenDigester {

    private final SecretKeySpec hmacKey;

    public TokenDigester(String secret) {
        this.hmacKey = secret == null || secret.isBlank()
                ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public boolean isKeyed() {
        return hmacKey != null;
    }

    public String digest(String token) {
        byte[] input = token.getBytes(StandardCharsets.US_ASCII);
        try {
            if (hmacKey == null) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
