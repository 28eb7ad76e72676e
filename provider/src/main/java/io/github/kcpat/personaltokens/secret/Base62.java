package io.github.kcpat.personaltokens.secret;

import java.math.BigInteger;

/**
 * Fixed-width base62 encoding. Fixed width matters: the token parser finds the boundary between a
 * free-form prefix and the body by length alone, so an encoding must never come out shorter.
 */
public final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private Base62() {
    }

    /** Number of base62 digits needed for any value of {@code byteCount} bytes. */
    public static int width(int byteCount) {
        return (int) Math.ceil(byteCount * 8 / (Math.log(62) / Math.log(2)));
    }

    public static String encode(byte[] bytes) {
        return encode(new BigInteger(1, bytes), width(bytes.length));
    }

    public static String encode(long unsignedValue, int width) {
        return encode(BigInteger.valueOf(unsignedValue), width);
    }

    private static String encode(BigInteger value, int width) {
        char[] out = new char[width];
        BigInteger rest = value;
        for (int i = width - 1; i >= 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(BASE);
            out[i] = ALPHABET.charAt(qr[1].intValue());
            rest = qr[0];
        }
        if (rest.signum() != 0) {
            throw new IllegalArgumentException("value does not fit in " + width + " base62 digits");
        }
        return new String(out);
    }

    public static boolean isBase62(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
