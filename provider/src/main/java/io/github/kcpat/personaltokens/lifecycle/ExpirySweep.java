package io.github.kcpat.personaltokens.lifecycle;

import io.github.kcpat.personaltokens.core.PersonalTokenService;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.core.RevokeReason;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Revokes expired tokens that nobody presents any more. It runs on every node; the cluster lock
 * lets only one of them do the work per interval.
 */
final class ExpirySweep implements ScheduledTask {

    static final String TASK_NAME = "personal-tokens-cleanup";
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    private final PersonalTokensConfig config;

    ExpirySweep(PersonalTokensConfig config) {
        this.config = config;
    }

    @Override
    public void run(KeycloakSession session) {
        session.getProvider(ClusterProvider.class).executeIfNotExecuted(TASK_NAME, config.cleanupIntervalSeconds(), () -> {
            revokeExpired(session);
            return null;
        });
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    private void revokeExpired(KeycloakSession session) {
        PersonalTokenStore store = new PersonalTokenStore(session);
        List<PersonalTokenEntity> expired = store.expired(Time.currentTimeMillis(), BATCH);
        for (PersonalTokenEntity token : expired) {
            RealmModel realm = session.realms().getRealm(token.getRealmId());
            if (realm == null) {
                store.remove(token);
                continue;
            }
            // Session lookups are realm-scoped; a timer thread has no realm of its own.
            session.getContext().setRealm(realm);
            new PersonalTokenService(session, realm, config).revoke(token, RevokeReason.EXPIRED);
        }
        if (!expired.isEmpty()) {
            LOG.debugf("Revoked %d expired personal tokens", expired.size());
        }
    }
}
