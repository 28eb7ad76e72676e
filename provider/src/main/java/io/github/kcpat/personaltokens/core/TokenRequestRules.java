package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.core.TokenRequestException.Kind;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
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

    /** The expiry instant in epoch millis, or null for a token that never expires. */
    public static Long expiresAt(TokenPolicy policy, Integer requestedDays, long nowMillis) {
        int days = requestedDays != null ? requestedDays : policy.defaultExpiresInDays();
        if (days < 0) {
            throw new TokenRequestException(Kind.INVALID, "expiresInDays must not be negative");
        }
        if (days == 0) {
            if (!policy.allowNonExpiring()) {
                throw new TokenRequestException(Kind.INVALID, "tokens that never expire are not allowed in this realm");
            }
            return null;
        }
        if (days > policy.maxExpiresInDays()) {
            throw new TokenRequestException(Kind.INVALID, "expiresInDays must be at most " + policy.maxExpiresInDays());
        }
        return nowMillis + TimeUnit.DAYS.toMillis(days);
    }
}
