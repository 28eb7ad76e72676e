package io.github.kcpat.personaltokens.policy;

import io.github.kcpat.personaltokens.secret.TokenFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a complete policy; every problem found is reported, not just the first. */
public final class PolicyValidator {

    static final int MAX_ROLES = 50;
    static final int MAX_SCOPES_PER_ROLE = 100;
    static final int MAX_SCOPE_LENGTH = 255;
    static final int MAX_DAYS = 36_500;
    static final int MAX_AUTH_AGE_SECONDS = 31_536_000;
    static final int MAX_NOTICE_DAYS = 5;

    private PolicyValidator() {
    }

    public static List<String> validate(TokenPolicy policy) {
        List<String> errors = new ArrayList<>();
        checkNumber(errors, "defaultExpiresInDays", policy.defaultExpiresInDays());
        checkNumber(errors, "maxExpiresInDays", policy.maxExpiresInDays());
        checkNumber(errors, "maxTokensPerUser", policy.maxTokensPerUser());
        checkNumber(errors, "revokeAfterDaysUnused", policy.revokeAfterDaysUnused());
        checkAuthAge(errors, policy.maxAuthAgeSeconds());
        checkNoticeDays(errors, policy.expiryNoticeDays());
        if (policy.defaultExpiresInDays() != null && policy.maxExpiresInDays() != null
                && policy.defaultExpiresInDays() > policy.maxExpiresInDays()) {
            errors.add("defaultExpiresInDays must not be above maxExpiresInDays");
        }
        if (policy.defaultExpiresInDays() != null && policy.defaultExpiresInDays() == 0
                && !Boolean.TRUE.equals(policy.allowNonExpiring())) {
            errors.add("defaultExpiresInDays may be 0 (never expires) only when allowNonExpiring is true");
        }
        String prefix = policy.tokenPrefix();
        if (prefix == null || prefix.isEmpty()) {
            errors.add("tokenPrefix must not be empty");
        } else if (!TokenFormat.PREFIX_PATTERN.matcher(prefix).matches()) {
            errors.add("tokenPrefix may only contain a-z, 0-9 and _ (at most "
                    + TokenFormat.MAX_PREFIX_LENGTH + " characters)");
        }
        checkRoles(errors, policy.roles(), policy.maxExpiresInDays());
        return errors;
    }

    private static void checkAuthAge(List<String> errors, Integer seconds) {
        if (seconds == null) {
            errors.add("maxAuthAgeSeconds is required");
        } else if (seconds < 0) {
            errors.add("maxAuthAgeSeconds must not be negative");
        } else if (seconds > MAX_AUTH_AGE_SECONDS) {
            errors.add("maxAuthAgeSeconds must not be above " + MAX_AUTH_AGE_SECONDS);
        }
    }

    private static void checkNoticeDays(List<String> errors, List<Integer> days) {
        if (days == null) {
            errors.add("expiryNoticeDays is required (an empty list switches notices off)");
            return;
        }
        if (days.size() > MAX_NOTICE_DAYS) {
            errors.add("expiryNoticeDays must not list more than " + MAX_NOTICE_DAYS + " days");
        }
        if (days.stream().anyMatch(d -> d == null || d < 0 || d > MAX_DAYS)) {
            errors.add("expiryNoticeDays must hold whole numbers of days between 0 and " + MAX_DAYS);
        }
    }

    private static void checkNumber(List<String> errors, String field, Integer value) {
        if (value == null) {
            errors.add(field + " is required");
        } else if (value < 0) {
            errors.add(field + " must not be negative");
        } else if (value > MAX_DAYS) {
            errors.add(field + " must not be above " + MAX_DAYS);
        }
    }

    private static void checkRoles(List<String> errors, List<RoleScopes> roles, Integer policyMax) {
        if (roles == null || roles.isEmpty()) {
            errors.add("roles must list at least one role");
            return;
        }
        if (roles.size() > MAX_ROLES) {
            errors.add("roles must not list more than " + MAX_ROLES + " roles");
        }
        Set<String> seen = new HashSet<>();
        for (RoleScopes role : roles) {
            if (role == null || role.role() == null || role.role().isBlank()) {
                errors.add("every role needs a name");
                continue;
            }
            if (!seen.add(role.role())) {
                errors.add("role '" + role.role() + "' appears more than once");
            }
            Integer roleMax = role.maxExpiresInDays();
            if (roleMax != null && (roleMax < 1 || policyMax != null && roleMax > policyMax)) {
                errors.add("role '" + role.role() + "' maxExpiresInDays must be between 1 and the policy's maxExpiresInDays");
            }
            if (role.scopes().size() > MAX_SCOPES_PER_ROLE) {
                errors.add("role '" + role.role() + "' has more than " + MAX_SCOPES_PER_ROLE + " scopes");
            }
            for (String scope : role.scopes()) {
                if (scope == null || scope.isEmpty() || scope.length() > MAX_SCOPE_LENGTH || !isScopeToken(scope)) {
                    errors.add("role '" + role.role() + "' has an invalid scope; scopes are RFC 6749 scope tokens");
                    break;
                }
            }
        }
    }

    // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    private static boolean isScopeToken(String scope) {
        return scope.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E));
    }
}
