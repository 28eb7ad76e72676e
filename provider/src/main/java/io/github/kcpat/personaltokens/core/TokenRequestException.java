package io.github.kcpat.personaltokens.core;

/** A create or assign request that breaks a rule; the REST layer maps the kind to a status. */
public final class TokenRequestException extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;

    public TokenRequestException(Kind kind, String description) {
        super(description, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
