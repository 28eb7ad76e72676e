package io.github.kcpat.personaltokens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresentedCredentialsTest {

    private static String basic(String s) {
        return "Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicBearerAndHeader() {
        assertEquals(new PresentedCredentials("kcpat_x:y", "alice"), PresentedCredentials.of(basic("alice:kcpat_x:y"), null));
        assertEquals(new PresentedCredentials("kcpat_x", null), PresentedCredentials.of("bearer  kcpat_x ", null));
        assertEquals(new PresentedCredentials("kcpat_h", null), PresentedCredentials.of(null, "kcpat_h"));
        assertEquals(new PresentedCredentials("kcpat_a", null), PresentedCredentials.of("Bearer kcpat_a", "kcpat_h"),
                "Authorization wins over X-Refresh-Token");
    }

    @Test
    void unreadableAuthorizationYieldsNoSecret() {
        assertNull(PresentedCredentials.of("Basic !!!", "kcpat_h").secret());
        assertNull(PresentedCredentials.of(basic("no colon"), null).secret());
        assertNull(PresentedCredentials.of("Digest x", "kcpat_h").secret());
    }

    @Test
    void scopesAreSplitAndAddedUp() {
        assertEquals(List.of("a", "b", "c", "d"), PresentedCredentials.scopes(List.of("a b+c", "d,")));
        assertEquals(List.of(), PresentedCredentials.scopes(List.of("")));
        assertEquals(List.of(), PresentedCredentials.scopes(null));
    }

    @Test
    void theSecretIsNotPrinted() {
        assertFalse(PresentedCredentials.of("Bearer kcpat_secret", null).toString().contains("kcpat_secret"));
    }
}
