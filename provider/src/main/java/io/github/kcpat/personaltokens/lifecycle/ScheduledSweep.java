package io.github.kcpat.personaltokens.lifecycle;

import io.github.kcpat.personaltokens.core.PersonalTokenService;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.core.RealmHousekeeping;
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
 * Every {@code cleanup-interval-seconds}: revoke expired and long-unused tokens, queue the expiry
 * and inactivity notices that came due, send the queued emails, and forget retired digests past
 * their keep date. It runs on every node; the cluster lock lets one of them do the work per
 * interval, and each notice is queued once by a conditional UPDATE in any case.
 */
final class ScheduledSweep implements ScheduledTask {

    static final String TASK_NAME = "personal-tokens-cleanup";
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(ScheduledSweep.class);

    private final PersonalTokensConfig config;

    ScheduledSweep(PersonalTokensConfig config) {
        this.config = config;
    }

    @Override
    public void run(KeycloakSession session) {
        session.getProvider(ClusterProvider.class).executeIfNotExecuted(TASK_NAME, config.cleanupIntervalSeconds(), () -> {
            sweep(session);
            return null;
        });
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    private void sweep(KeycloakSession session) {
        long now = Time.currentTimeMillis();
        int expired = revokeExpired(session, now);
        for (String realmId : new PersonalTokenStore(session).realmsWithTokens()) {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                continue;
            }
            // Session lookups are realm-scoped; a timer thread has no realm of its own.
            session.getContext().setRealm(realm);
            RealmHousekeeping housekeeping = new RealmHousekeeping(session, realm, config);
            int unused = housekeeping.revokeUnused(now);
            int notices = housekeeping.queueExpiryNotices(now) + housekeeping.queueIdleNotices(now);
            if (unused + notices > 0) {
                LOG.debugf("Realm %s: revoked %d unused personal tokens, queued %d notices", realm.getName(), unused, notices);
            }
        }
        int sent = new NoticeMailer(session).deliver(now);
        int forgotten = new PersonalTokenStore(session).removeOutdatedRetired(now);
        if (expired + sent + forgotten > 0) {
            LOG.debugf("Revoked %d expired personal tokens, sent %d notices, forgot %d retired digests", expired, sent, forgotten);
        }
    }

    private int revokeExpired(KeycloakSession session, long now) {
        PersonalTokenStore store = new PersonalTokenStore(session);
        List<PersonalTokenEntity> expired = store.expired(now, BATCH);
        for (PersonalTokenEntity token : expired) {
            RealmModel realm = session.realms().getRealm(token.getRealmId());
            if (realm == null) {
                store.remove(token);
                continue;
            }
            session.getContext().setRealm(realm);
            new PersonalTokenService(session, realm, config).revoke(token, RevokeReason.EXPIRED);
        }
        return expired.size();
    }
}
