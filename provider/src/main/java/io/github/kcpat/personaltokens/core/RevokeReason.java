package io.github.kcpat.personaltokens.core;

import java.util.Locale;

/**
 * Why a token was revoked. The lower-case name is the {@code reason} detail of the
 * REMOVE_CREDENTIAL user event, which operators filter on, so the names are part of the contract.
 */
public enum RevokeReason {
    REVOKED_BY_USER,
    REVOKED_BY_ADMIN,
    REVOKED_ALL_BY_ADMIN,
    EXPIRED,
    SESSION_GONE,
    NOT_BEFORE,
    ROLE_LOST;

    public String detail() {
        return name().toLowerCase(Locale.ROOT);
    }
}
