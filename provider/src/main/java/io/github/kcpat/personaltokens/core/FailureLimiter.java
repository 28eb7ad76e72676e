package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.policy.AllowedNetworks;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalInt;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The per-address failure budget of DESIGN §9.5, shared by every node through Keycloak's
 * single-use object store. That store has no atomic counter, only an atomic put-if-absent, so
 * the budget is {@code failure-limit} numbered slots per window: a counted failure claims the
 * first free slot, and the address is throttled while the last slot is taken. All slots of a
 * window expire together at its end. Nothing here reaches Keycloak's brute-force detector.
 */
public final class FailureLimiter {

    private static final String PREFIX = "kcpat-fail:";
    private static final String WINDOW_END = "end";

    private final SingleUseObjectProvider store;
    private final PersonalTokensConfig config;
    private final String key;

    public FailureLimiter(KeycloakSession session, RealmModel realm, PersonalTokensConfig config, String clientAddress) {
        this.store = session.singleUseObjects();
        this.config = config;
        this.key = PREFIX + realm.getId() + ":" + addressKey(clientAddress);
    }

    /** Seconds until the window ends when the address is over budget; empty otherwise. */
    public OptionalInt retryAfter() {
        if (config.failureLimit() == 0 || !store.contains(slot(config.failureLimit()))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(secondsLeft(windowEnd()));
    }

    /** Counts one failure against the address. */
    public void count() {
        if (config.failureLimit() == 0) {
            return;
        }
        int lifespan = secondsLeft(windowEnd());
        for (int i = 1; i <= config.failureLimit(); i++) {
            if (store.putIfAbsent(slot(i), lifespan)) {
                return;
            }
        }
    }

    /**
     * Seconds until the window ends when the address is over budget, empty otherwise. The first
     * throttled request of a window records the one "throttled" error event the window gets.
     */
    public OptionalInt throttled(EventBuilder event) {
        OptionalInt retryAfter = retryAfter();
        if (retryAfter.isPresent() && store.putIfAbsent(key + ":event", retryAfter.getAsInt())) {
            event.detail(Details.REASON, Refusal.THROTTLED.detail()).error(Refusal.THROTTLED.error());
        }
        return retryAfter;
    }

    /** The end of the current window in millis, starting one if there is none. */
    private long windowEnd() {
        long now = Time.currentTimeMillis();
        Map<String, String> window = store.get(key + ":window");
        if (window != null && window.containsKey(WINDOW_END)) {
            return Long.parseLong(window.get(WINDOW_END));
        }
        long end = now + config.failureWindowSeconds() * 1000L;
        // Only the request that opens the window writes its end; a racing one uses its own guess,
        // which is at most a few milliseconds later.
        if (store.putIfAbsent(key + ":opening", config.failureWindowSeconds())) {
            store.put(key + ":window", config.failureWindowSeconds(), Map.of(WINDOW_END, Long.toString(end)));
        }
        return end;
    }

    private String slot(int i) {
        return key + ":" + i;
    }

    private static int secondsLeft(long endMillis) {
        long left = endMillis - Time.currentTimeMillis();
        return (int) Math.max(1, (left + 999) / 1000);
    }

    /** IPv6 clients are counted by their /64, as one host usually holds a whole /64. */
    static String addressKey(String clientAddress) {
        byte[] bytes = clientAddress == null ? null : AllowedNetworks.literal(clientAddress.strip());
        if (bytes == null) {
            return "unknown";
        }
        if (bytes.length == 16) {
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return HexFormat.of().formatHex(bytes);
    }
}
