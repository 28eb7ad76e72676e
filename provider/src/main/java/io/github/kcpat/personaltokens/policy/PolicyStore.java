package io.github.kcpat.personaltokens.policy;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Keeps the policy in one realm attribute, so it is exported and imported with the realm and is
 * cached and invalidated across the cluster by Keycloak's realm cache.
 */
public final class PolicyStore {

    public static final String ATTRIBUTE = "personalTokens.policy";
    private static final Logger LOG = Logger.getLogger(PolicyStore.class);
    private static final int MAX_CACHED = 256;
    private static final Map<String, TokenPolicy> PARSED = new ConcurrentHashMap<>();

    private PolicyStore() {
    }

    public static TokenPolicy read(RealmModel realm) {
        String json = realm.getAttribute(ATTRIBUTE);
        if (json == null || json.isBlank()) {
            return TokenPolicy.DEFAULT;
        }
        // Every exchange reads the policy; parse each distinct stored text only once.
        TokenPolicy cached = PARSED.get(json);
        if (cached != null) {
            return cached;
        }
        TokenPolicy parsed = parse(realm, json);
        if (PARSED.size() >= MAX_CACHED) {
            PARSED.clear();
        }
        PARSED.put(json, parsed);
        return parsed;
    }

    private static TokenPolicy parse(RealmModel realm, String json) {
        try {
            TokenPolicy stored = PolicyJson.read(json).withDefaultsFrom(TokenPolicy.DEFAULT);
            if (PolicyValidator.validate(stored).isEmpty()) {
                return stored;
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "Unreadable personal token policy in realm %s", realm.getName());
        }
        // A hand-edited attribute must not lock users out or widen access: fall back, loudly.
        LOG.warnf("Invalid personal token policy in realm %s; using the default policy", realm.getName());
        return TokenPolicy.DEFAULT;
    }

    public static void write(RealmModel realm, TokenPolicy policy) {
        try {
            realm.setAttribute(ATTRIBUTE, JsonSerialization.writeValueAsString(policy));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise policy", e);
        }
    }
}
