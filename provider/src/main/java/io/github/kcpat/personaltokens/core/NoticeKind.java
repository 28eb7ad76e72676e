package io.github.kcpat.personaltokens.core;

/** The emails the extension sends (DESIGN §10.3); each has its own templates and subject. */
public enum NoticeKind {
    /** {@code expiresAt} is within a notice threshold. */
    EXPIRY("personal-token-expiry"),
    /** The token will die unused (idle limit or inactivity revoke) within a notice threshold. */
    IDLE("personal-token-idle"),
    /** Revoked because someone reported the secret as exposed (revoke by value). */
    REPORTED("personal-token-reported"),
    /** Revoked because a secret that rotation had retired was presented again. */
    REUSED("personal-token-reused");

    private final String template;

    NoticeKind(String template) {
        this.template = template;
    }

    /** The template file's base name, also the message-key prefix of its subject. */
    public String template() {
        return template;
    }
}
