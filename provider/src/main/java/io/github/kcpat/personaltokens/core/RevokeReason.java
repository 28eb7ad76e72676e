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
    ROLE_LOST,
    /** Revoke by value: a secret scanner or a finder reported the secret (DESIGN §9.2). */
    REPORTED_EXPOSED,
    /** A secret that rotation retired was presented again (DESIGN §9.3). */
    ROTATED_SECRET_REUSED,
    /** Unused for the policy's {@code revokeAfterDaysUnused} (DESIGN §10.4). */
    UNUSED;

    public String detail() {
        return name().toLowerCase(Locale.ROOT);
    }
}
