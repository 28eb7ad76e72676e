package io.github.kcpat.personaltokens.core;

import org.keycloak.events.Errors;

/**
 * Why a presented personal token was refused, at either exchange, self-rotation or forward
 * authentication. The detail is the {@code reason} of the error event. Whether a refusal counts
 * against the address's failure budget is part of the contract (DESIGN §9.5).
 */
public enum Refusal {
    /** The realm's personal-tokens client is disabled: the operator's kill switch. */
    CLIENT_DISABLED("client_disabled", Errors.CLIENT_DISABLED, false),
    THROTTLED("throttled", Errors.INVALID_REQUEST, false),
    MISSING("missing", Errors.INVALID_REQUEST, true),
    MALFORMED("malformed", Errors.INVALID_TOKEN, true),
    UNKNOWN("unknown", Errors.INVALID_TOKEN, true),
    /** A retired secret within the reuse grace: refused, the token left alone. */
    RETIRED("rotated_secret", Errors.INVALID_TOKEN, true),
    /** A retired secret after the grace: the token is revoked, someone holds an old copy. */
    REUSED("rotated_secret_reused", Errors.INVALID_TOKEN, true),
    USER_NOT_FOUND("user_not_found", Errors.USER_NOT_FOUND, true),
    USER_DISABLED("user_disabled", Errors.USER_DISABLED, true),
    EXPIRED("expired", Errors.INVALID_TOKEN, true),
    SESSION_GONE("session_gone", Errors.INVALID_TOKEN, true),
    NOT_BEFORE("not_before", Errors.INVALID_TOKEN, true),
    ROLE_LOST("role_lost", Errors.INVALID_TOKEN, true),
    NETWORK_NOT_ALLOWED("network_not_allowed", Errors.INVALID_TOKEN, true),
    USERNAME_MISMATCH("username_mismatch", Errors.INVALID_USER_CREDENTIALS, true),
    MISSING_SCOPE("missing_scope", Errors.NOT_ALLOWED, true);

    private final String detail;
    private final String error;
    private final boolean counted;

    Refusal(String detail, String error, boolean counted) {
        this.detail = detail;
        this.error = error;
        this.counted = counted;
    }

    public String detail() {
        return detail;
    }

    /** The Keycloak event error code of the refusal's error event. */
    String error() {
        return error;
    }

    boolean counted() {
        return counted;
    }

    static Refusal of(TokenLiveness.State dead) {
        return switch (dead) {
            case EXPIRED -> EXPIRED;
            case SESSION_GONE -> SESSION_GONE;
            case NOT_BEFORE -> NOT_BEFORE;
            case ROLE_LOST -> ROLE_LOST;
            case USER_DISABLED -> USER_DISABLED;
            case LIVE -> throw new IllegalArgumentException("a live token is not refused");
        };
    }
}
