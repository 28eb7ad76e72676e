package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.core.TokenRequestException.Kind;
import io.github.kcpat.personaltokens.policy.AllowedNetworks;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The input rules of DESIGN §4 for a new token's name and lifetime; pure, so unit-tested. */
public final class TokenRequestRules {

    /** In code points, so that an emoji counts as one character, as a user counts it. */
    public static final int MAX_NAME_LENGTH = 100;

    private TokenRequestRules() {
    }

    /** The trimmed name, or a 400 naming what is wrong with it. */
    public static String name(String raw) {
        if (raw == null) {
            throw new TokenRequestException(Kind.INVALID, "name is required");
        }
        String name = raw.strip();
        if (name.isEmpty()) {
            throw new TokenRequestException(Kind.INVALID, "name must not be empty");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new TokenRequestException(Kind.INVALID, "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        // Format characters include the bidi overrides that make a name read differently from what
        // it is; the zero-width joiner stays allowed because emoji sequences need it.
        boolean hasControl = name.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT && c != 0x200D
                || Character.getType(c) == Character.SURROGATE);
        if (hasControl) {
            throw new TokenRequestException(Kind.INVALID, "name must not contain control characters");
        }
        return name;
    }

    /**
     * The expiry instant in epoch millis, or null for a token that never expires. Without a
     * request the policy default applies, capped by the role's own maximum.
     */
    public static Long expiresAt(TokenPolicy policy, RoleScopes role, Integer requestedDays, long nowMillis) {
        int max = policy.maxExpiresInDays(role);
        int days = requestedDays != null ? requestedDays : Math.min(policy.defaultExpiresInDays(), max);
        if (days < 0) {
            throw new TokenRequestException(Kind.INVALID, "expiresInDays must not be negative");
        }
        if (days == 0) {
            if (!policy.allowsNonExpiring(role)) {
                throw new TokenRequestException(Kind.INVALID, "tokens that never expire are not allowed here");
            }
            return null;
        }
        if (days > max) {
            throw new TokenRequestException(Kind.INVALID, "expiresInDays must be at most " + max);
        }
        return nowMillis + TimeUnit.DAYS.toMillis(days);
    }

    /**
     * The expiry of a rotated token without an explicit request: the lifetime it had when last
     * issued, counted from now, capped by the policy; a never-expiring token stays so only while
     * the policy allows it, and otherwise gets the default.
     */
    public static Long rotatedExpiresAt(TokenPolicy policy, RoleScopes role, Long expiresAt, long issuedAt, long nowMillis) {
        long cap = TimeUnit.DAYS.toMillis(policy.maxExpiresInDays(role));
        if (expiresAt == null) {
            return policy.allowsNonExpiring(role) ? null : expiresAt(policy, role, null, nowMillis);
        }
        long lifetime = Math.max(0, expiresAt - issuedAt);
        return nowMillis + Math.min(lifetime, cap);
    }

    /** The token's networks; a role that requires them gets a 400 without any. */
    public static AllowedNetworks networks(RoleScopes role, List<String> requested) {
        AllowedNetworks networks;
        try {
            networks = AllowedNetworks.of(requested);
        } catch (IllegalArgumentException e) {
            throw new TokenRequestException(Kind.INVALID, e.getMessage());
        }
        if (networks.isAnywhere() && role.networksRequired()) {
            throw new TokenRequestException(Kind.INVALID, "tokens of the role " + role.role() + " must name allowedNetworks");
        }
        return networks;
    }
}
