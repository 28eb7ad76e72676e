package io.github.kcpat.personaltokens.token;

import org.keycloak.Config;

/**
 * Server-wide settings, read once from the SPI configuration of the {@code personal-tokens} realm
 * resource. Per-realm rules live in the policy instead.
 */
public record PersonalTokensConfig(TokenDigester digester, int lastUsedIntervalSeconds, int cleanupIntervalSeconds) {

    public static final String DIGEST_SECRET = "digest-secret";
    public static final String LAST_USED_INTERVAL = "last-used-interval-seconds";
    public static final String CLEANUP_INTERVAL = "cleanup-interval-seconds";

    public static final int DEFAULT_LAST_USED_INTERVAL = 60;
    public static final int DEFAULT_CLEANUP_INTERVAL = 900;

    public static PersonalTokensConfig from(Config.Scope scope) {
        return new PersonalTokensConfig(
                new TokenDigester(scope.get(DIGEST_SECRET)),
                Math.max(0, scope.getInt(LAST_USED_INTERVAL, DEFAULT_LAST_USED_INTERVAL)),
                Math.max(10, scope.getInt(CLEANUP_INTERVAL, DEFAULT_CLEANUP_INTERVAL)));
    }

    @Override
    public String toString() {
        // Never print the secret, not even by accident in a debug log of this record.
        return "PersonalTokensConfig[keyedDigest=" + digester.isKeyed() + ", lastUsedIntervalSeconds="
                + lastUsedIntervalSeconds + ", cleanupIntervalSeconds=" + cleanupIntervalSeconds + "]";
    }
}
