package io.github.kcpat.personaltokens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRequestRulesTest {

    private static final long NOW = 1_000_000_000_000L;
    private static final long DAY = TimeUnit.DAYS.toMillis(1);
    private static final RoleScopes USER = new RoleScopes("user", List.of("api:read"));
    private static final RoleScopes CAPPED = new RoleScopes("admin", List.of("api:admin"), 30, true);
    private static final TokenPolicy OPEN = new TokenPolicy(List.of(CAPPED, USER), 90, 365, true, 20, "kcpat_");

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "bell\u0007", "new\nline", "bidi\u202Eoverride", "zero\u200Bwidth"})
    void badNames(String name) {
        assertThrows(TokenRequestException.class, () -> TokenRequestRules.name(name));
    }

    @Test
    void namesAreTrimmedAndCountedInCodePoints() {
        assertEquals("deploy", TokenRequestRules.name("  deploy\t"));
        assertEquals("🚀".repeat(100), TokenRequestRules.name("🚀".repeat(100)));
        assertThrows(TokenRequestException.class, () -> TokenRequestRules.name("x".repeat(101)));
        assertEquals("👩‍💻 ops", TokenRequestRules.name("👩‍💻 ops"), "the zero-width joiner of emoji stays allowed");
    }

    @Test
    void lifetimesFollowThePolicyAndTheRole() {
        assertEquals(NOW + 90 * DAY, TokenRequestRules.expiresAt(OPEN, USER, null, NOW));
        assertEquals(NOW + 30 * DAY, TokenRequestRules.expiresAt(OPEN, CAPPED, null, NOW), "the default is capped by the role");
        assertNull(TokenRequestRules.expiresAt(OPEN, USER, 0, NOW));
        assertThrows(TokenRequestException.class, () -> TokenRequestRules.expiresAt(OPEN, CAPPED, 0, NOW), "a capped role must expire");
        assertThrows(TokenRequestException.class, () -> TokenRequestRules.expiresAt(OPEN, CAPPED, 31, NOW));
        assertThrows(TokenRequestException.class, () -> TokenRequestRules.expiresAt(OPEN, USER, 366, NOW));
        assertThrows(TokenRequestException.class, () -> TokenRequestRules.expiresAt(OPEN, USER, -1, NOW));
    }

    @Test
    void aRotationKeepsTheLifetimeItHadCountedFromNowAndCapped() {
        long issued = NOW - 10 * DAY;
        assertEquals(NOW + 30 * DAY, TokenRequestRules.rotatedExpiresAt(OPEN, USER, issued + 30 * DAY, issued, NOW));
        assertEquals(NOW + 30 * DAY, TokenRequestRules.rotatedExpiresAt(OPEN, CAPPED, issued + 300 * DAY, issued, NOW));
        assertNull(TokenRequestRules.rotatedExpiresAt(OPEN, USER, null, issued, NOW));
        TokenPolicy closed = new TokenPolicy(List.of(USER), 10, 365, false, 20, "kcpat_");
        assertEquals(NOW + 10 * DAY, TokenRequestRules.rotatedExpiresAt(closed, USER, null, issued, NOW));
    }

    @Test
    void aRoleMayRequireNetworks() {
        assertThrows(TokenRequestException.class, () -> TokenRequestRules.networks(CAPPED, List.of()));
        assertEquals(List.of("10.0.0.0/8"), TokenRequestRules.networks(CAPPED, List.of("10.0.0.0/8")).entries());
        assertThrows(TokenRequestException.class, () -> TokenRequestRules.networks(USER, List.of("nope")));
    }
}
