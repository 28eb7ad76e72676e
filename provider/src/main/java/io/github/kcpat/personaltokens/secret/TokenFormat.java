package io.github.kcpat.personaltokens.secret;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The personal token wire format: {@code <prefix><body><checksum>}.
 *
 * <p>The body is 32 random bytes in fixed-width base62 and the checksum is CRC32 over prefix and
 * body, also fixed-width base62. Because both widths are fixed, a token can be checked without
 * knowing which prefix the realm used when it was made, so changing the realm's prefix never
 * breaks existing tokens.
 */
public final class TokenFormat {

    public static final int RANDOM_BYTES = 32;
    public static final int BODY_LENGTH = Base62.width(RANDOM_BYTES);
    public static final int CHECKSUM_LENGTH = 6;
    public static final int MAX_PREFIX_LENGTH = 32;
    public static final int MIN_LENGTH = 1 + BODY_LENGTH + CHECKSUM_LENGTH;
    public static final int MAX_LENGTH = MAX_PREFIX_LENGTH + BODY_LENGTH + CHECKSUM_LENGTH;
    public static final Pattern PREFIX_PATTERN = Pattern.compile("[a-z0-9_]{1," + MAX_PREFIX_LENGTH + "}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFormat() {
    }

    public static String generate(String prefix) {
        if (!PREFIX_PATTERN.matcher(prefix).matches()) {
            throw new IllegalArgumentException("invalid token prefix");
        }
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String unchecked = prefix + Base62.encode(random);
        return unchecked + checksum(unchecked);
    }

    /**
     * True when the string has the shape of a token and its checksum matches. Typos and random
     * guesses fail here, before any database lookup.
     */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() < MIN_LENGTH || candidate.length() > MAX_LENGTH) {
            return false;
        }
        int bodyStart = candidate.length() - BODY_LENGTH - CHECKSUM_LENGTH;
        int checksumStart = candidate.length() - CHECKSUM_LENGTH;
        String prefix = candidate.substring(0, bodyStart);
        String tail = candidate.substring(bodyStart);
        if (!PREFIX_PATTERN.matcher(prefix).matches() || !Base62.isBase62(tail)) {
            return false;
        }
        String unchecked = candidate.substring(0, checksumStart);
        return checksum(unchecked).equals(candidate.substring(checksumStart));
    }

    /** What a user sees to recognise a token: its prefix and last four characters. */
    public static String hint(String token) {
        int bodyStart = token.length() - BODY_LENGTH - CHECKSUM_LENGTH;
        return token.substring(0, bodyStart) + "…" + token.substring(token.length() - 4);
    }

    static String checksum(String prefixAndBody) {
        CRC32 crc = new CRC32();
        crc.update(prefixAndBody.getBytes(StandardCharsets.US_ASCII));
        return Base62.encode(crc.getValue(), CHECKSUM_LENGTH);
    }
}
