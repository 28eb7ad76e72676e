package io.github.kcpat.personaltokens.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenFormatTest {

    @Test
    void generatedTokensHaveTheDocumentedShape() {
        String token = TokenFormat.generate("kcpat_");
        assertTrue(token.startsWith("kcpat_"));
        assertEquals(6 + 43 + 6, token.length(), "32 random bytes need 43 base62 digits");
        assertTrue(TokenFormat.isWellFormed(token));
    }

    @Test
    void everyTokenIsDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(TokenFormat.generate("p_")));
        }
    }

    @Test
    void anySingleCharacterChangeBreaksTheChecksum() {
        String token = TokenFormat.generate("kcpat_");
        for (int i = 6; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertFalse(TokenFormat.isWellFormed(changed), "position " + i);
        }
    }

    @Test
    void theChecksumCoversThePrefix() {
        String token = TokenFormat.generate("kcpat_");
        assertFalse(TokenFormat.isWellFormed("kcpau_" + token.substring(6)));
    }

    @Test
    void tokensWithAnyValidPrefixAreRecognised() {
        assertTrue(TokenFormat.isWellFormed(TokenFormat.generate("a")));
        assertTrue(TokenFormat.isWellFormed(TokenFormat.generate("x".repeat(32))));
    }

    @Test
    void malformedInputIsRejected() {
        String token = TokenFormat.generate("kcpat_");
        assertFalse(TokenFormat.isWellFormed(null));
        assertFalse(TokenFormat.isWellFormed(""));
        assertFalse(TokenFormat.isWellFormed("kcpat_"));
        assertFalse(TokenFormat.isWellFormed(token.substring(6)), "no prefix");
        assertFalse(TokenFormat.isWellFormed(token + "x"));
        assertFalse(TokenFormat.isWellFormed(token.toUpperCase()));
        assertFalse(TokenFormat.isWellFormed(token.replace('_', '-')));
        assertFalse(TokenFormat.isWellFormed("x".repeat(33) + token.substring(6)), "prefix too long");
        assertFalse(TokenFormat.isWellFormed(" " + token));
    }

    @Test
    void invalidPrefixesCannotBeUsed() {
        assertThrows(IllegalArgumentException.class, () -> TokenFormat.generate(""));
        assertThrows(IllegalArgumentException.class, () -> TokenFormat.generate("Bad-"));
    }

    @Test
    void hintIsPrefixAndLastFour() {
        String token = TokenFormat.generate("kcpat_");
        String hint = TokenFormat.hint(token);
        assertTrue(hint.startsWith("kcpat_"));
        assertTrue(hint.endsWith(token.substring(token.length() - 4)));
        assertTrue(hint.length() < 16, "the hint must not reveal the body");
    }

    @Test
    void base62IsFixedWidth() {
        assertEquals("000000", Base62.encode(0, 6));
        assertEquals("4gfFC3", Base62.encode(0xFFFFFFFFL, 6));
        assertEquals(43, Base62.encode(new byte[32]).length());
        assertThrows(IllegalArgumentException.class, () -> Base62.encode(62, 1));
    }

    @Test
    void digestsAreStableAndKeyedDigestsDiffer() {
        TokenDigester plain = new TokenDigester(null);
        TokenDigester keyed = new TokenDigester("server-secret");
        String token = TokenFormat.generate("kcpat_");
        assertEquals(plain.digest(token), plain.digest(token));
        assertEquals(64, plain.digest(token).length());
        assertNotEquals(plain.digest(token), keyed.digest(token));
        assertNotEquals(keyed.digest(token), new TokenDigester("other").digest(token));
        assertFalse(plain.isKeyed());
        assertTrue(keyed.isKeyed());
    }
}
