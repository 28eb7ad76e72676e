package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.secret.TokenDigester;
import org.keycloak.Config;

/**
 * Server-wide settings. They are the options of the {@code personal-tokens} provider of the
 * {@code realm-restapi-extension} SPI (the names operators already use), and every factory of the
 * extension reads them from that one scope. Per-realm rules live in the policy instead.
 */
public record PersonalTokensConfig(
        TokenDigester digester,
        int lastUsedIntervalSeconds,
        int cleanupIntervalSeconds,
        int failureLimit,
        int failureWindowSeconds,
        int rotationReuseGraceSeconds) {

    /** The SPI and provider whose options these are; the option names are a public contract. */
    public static final String SPI = "realm-restapi-extension";
    public static final String PROVIDER = "personal-tokens";

    public static final String DIGEST_SECRET = "digest-secret";
    public static final String LAST_USED_INTERVAL = "last-used-interval-seconds";
    public static final String CLEANUP_INTERVAL = "cleanup-interval-seconds";
    public static final String FAILURE_LIMIT = "failure-limit";
    public static final String FAILURE_WINDOW = "failure-window-seconds";
    public static final String REUSE_GRACE = "rotation-reuse-grace-seconds";

    public static final int DEFAULT_LAST_USED_INTERVAL = 60;
    public static final int DEFAULT_CLEANUP_INTERVAL = 900;
    public static final int DEFAULT_FAILURE_LIMIT = 30;
    public static final int DEFAULT_FAILURE_WINDOW = 60;
    public static final int DEFAULT_REUSE_GRACE = 0;

    /** Reads the options wherever a factory of this extension is initialised. */
    public static PersonalTokensConfig load() {
        return from(Config.scope(SPI, PROVIDER));
    }

    public static PersonalTokensConfig from(Config.Scope scope) {
        return new PersonalTokensConfig(
                new TokenDigester(scope.get(DIGEST_SECRET)),
                Math.max(0, scope.getInt(LAST_USED_INTERVAL, DEFAULT_LAST_USED_INTERVAL)),
                Math.max(1, scope.getInt(CLEANUP_INTERVAL, DEFAULT_CLEANUP_INTERVAL)),
                Math.max(0, scope.getInt(FAILURE_LIMIT, DEFAULT_FAILURE_LIMIT)),
                Math.max(1, scope.getInt(FAILURE_WINDOW, DEFAULT_FAILURE_WINDOW)),
                Math.max(0, scope.getInt(REUSE_GRACE, DEFAULT_REUSE_GRACE)));
    }

    @Override
    public String toString() {
        // Never print the secret, not even by accident in a debug log of this record.
        return "PersonalTokensConfig[keyedDigest=" + digester.isKeyed() + ", lastUsedIntervalSeconds="
                + lastUsedIntervalSeconds + ", cleanupIntervalSeconds=" + cleanupIntervalSeconds
                + ", failureLimit=" + failureLimit + ", failureWindowSeconds=" + failureWindowSeconds
                + ", rotationReuseGraceSeconds=" + rotationReuseGraceSeconds + "]";
    }
}
