package io.github.kcpat.personaltokens.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {

    private static TokenPolicy with(List<RoleScopes> roles, Integer def, Integer max, Boolean never, Integer limit, String prefix) {
        return new TokenPolicy(roles, def, max, never, limit, prefix).withDefaultsFrom(TokenPolicy.DEFAULT);
    }

    private static boolean rejects(TokenPolicy policy, String fragment) {
        return PolicyValidator.validate(policy).stream().anyMatch(e -> e.contains(fragment));
    }

    @Test
    void theDefaultPolicyIsValid() {
        assertEquals(List.of(), PolicyValidator.validate(TokenPolicy.DEFAULT));
    }

    @Test
    void negativeNumbersAreInvalid() {
        assertTrue(rejects(with(null, -1, null, null, null, null), "defaultExpiresInDays must not be negative"));
        assertTrue(rejects(with(null, null, -5, null, null, null), "maxExpiresInDays must not be negative"));
        assertTrue(rejects(with(null, null, null, null, -1, null), "maxTokensPerUser must not be negative"));
    }

    @Test
    void defaultAboveMaximumIsInvalid() {
        assertTrue(rejects(with(null, 400, 365, null, null, null), "above maxExpiresInDays"));
    }

    @Test
    void prefixRules() {
        assertTrue(rejects(with(null, null, null, null, null, ""), "must not be empty"));
        assertTrue(rejects(with(null, null, null, null, null, "Acme-"), "a-z, 0-9 and _"));
        assertTrue(rejects(with(null, null, null, null, null, "x".repeat(33)), "a-z, 0-9 and _"));
        assertEquals(List.of(), PolicyValidator.validate(with(null, null, null, null, null, "acme_2")));
    }

    @Test
    void duplicateRolesAreInvalid() {
        List<RoleScopes> roles = List.of(new RoleScopes("user", List.of("a")), new RoleScopes("user", List.of("b")));
        assertTrue(rejects(with(roles, null, null, null, null, null), "appears more than once"));
    }

    @Test
    void scopesMustBeOAuthScopeTokens() {
        List<RoleScopes> roles = List.of(new RoleScopes("user", List.of("has space")));
        assertTrue(rejects(with(roles, null, null, null, null, null), "invalid scope"));
    }

    @Test
    void neverExpiringDefaultNeedsPermission() {
        assertTrue(rejects(with(null, 0, null, false, null, null), "allowNonExpiring"));
        assertEquals(List.of(), PolicyValidator.validate(with(null, 0, null, true, null, null)));
    }

    @Test
    void anEmptyRoleListIsInvalid() {
        assertTrue(rejects(with(List.of(), null, null, null, null, null), "at least one role"));
    }

    @org.junit.jupiter.api.Test
    void theNewerFieldsAreValidated() {
        TokenPolicy base = TokenPolicy.DEFAULT;
        TokenPolicy bad = new TokenPolicy(List.of(new RoleScopes("admin", List.of("a"), 400, true)), 90, 365, false, 20, "kcpat_",
                -1, List.of(1, 2, 3, 4, 5, 6), -2);
        List<String> errors = PolicyValidator.validate(bad);
        assertTrue(errors.stream().anyMatch(e -> e.contains("maxAuthAgeSeconds must not be negative")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("expiryNoticeDays must not list more than 5")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("revokeAfterDaysUnused must not be negative")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("maxExpiresInDays must be between 1 and")), errors.toString());
        assertEquals(List.of(), PolicyValidator.validate(base));
    }

    @org.junit.jupiter.api.Test
    void aStoredPolicyOfTheFirstReleaseReadsWithTheNewDefaults() {
        TokenPolicy old = PolicyJson.read("{\"maxTokensPerUser\":5}").withDefaultsFrom(TokenPolicy.DEFAULT);
        assertEquals(1800, old.maxAuthAgeSeconds());
        assertEquals(List.of(7, 1), old.expiryNoticeDays());
        assertEquals(0, old.revokeAfterDaysUnused());
        assertEquals(5, old.maxTokensPerUser());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"maxTokensPerUser\":1.5}", "{\"maxTokensPerUser\":\"10\"}",
            "{\"expiryNoticeDays\":[1.5]}", "{\"allowNonExpiring\":\"yes\"}", "{\"roles\":[{\"role\":\"u\",\"scopes\":[1]}]}",
            "{\"roles\":[\"user\"]}", "[]", "{"})
    void wrongJsonTypesAreRefusedNotGuessed(String json) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PolicyJson.read(json));
    }
}
