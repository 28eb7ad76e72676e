package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.SessionExpirationUtils;

/**
 * When a token dies if nobody uses it from now on (DESIGN §10.1): the first of its backing
 * session's offline idle limit (the realm's, or the client's override), the session's offline max
 * lifespan where the realm limits it, the policy's inactivity revoke, and its own expiry. Keycloak
 * computes the session limits with the same helper it uses to expire sessions.
 */
final class IdleExpiry {

    private IdleExpiry() {
    }

    /** Epoch millis, or null when nothing ever ends an unused token. */
    static Long of(PersonalTokenEntity token, UserSessionModel offline, RealmModel realm, ClientModel client,
                   TokenPolicy policy, long nowMillis) {
        long lastRefresh = offline != null ? TimeUnit.SECONDS.toMillis(offline.getLastSessionRefresh()) : nowMillis;
        long started = offline != null ? TimeUnit.SECONDS.toMillis(offline.getStarted()) : nowMillis;
        AuthenticatedClientSessionModel clientSession = offline == null ? null
                : offline.getAuthenticatedClientSessionByClient(client.getId());
        long clientRefresh = clientSession != null ? TimeUnit.SECONDS.toMillis(clientSession.getTimestamp()) : lastRefresh;
        long inactivity = policy.revokeAfterDaysUnused() > 0
                ? lastActivity(token) + TimeUnit.DAYS.toMillis(policy.revokeAfterDaysUnused()) : 0;
        return LongStream.of(
                        SessionExpirationUtils.calculateUserSessionIdleTimestamp(true, false, lastRefresh, realm),
                        SessionExpirationUtils.calculateClientSessionIdleTimestamp(true, false, clientRefresh, realm, client),
                        SessionExpirationUtils.calculateUserSessionMaxLifespanTimestamp(true, false, started, realm),
                        inactivity,
                        token.getExpiresAt() == null ? 0 : token.getExpiresAt())
                .filter(t -> t > 0)
                .min().stream().boxed().findFirst().orElse(null);
    }

    /** The latest of last use, rotation and creation: what the inactivity revoke counts from. */
    static long lastActivity(PersonalTokenEntity token) {
        long latest = token.getCreatedAt();
        if (token.getLastUsedAt() != null) {
            latest = Math.max(latest, token.getLastUsedAt());
        }
        if (token.getRotatedAt() != null) {
            latest = Math.max(latest, token.getRotatedAt());
        }
        return latest;
    }
}
