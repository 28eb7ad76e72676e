package io.github.kcpat.personaltokens.token;

import io.github.kcpat.personaltokens.session.BackingSessions;
import io.github.kcpat.personaltokens.session.PersonalTokensClient;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Keeps tokens in step with the rest of Keycloak: every realm has the client, tokens go with
 * their user or realm, and expired tokens are swept by one node of the cluster at a time.
 */
public final class PersonalTokensLifecycle {

    static final String CLEANUP_TASK = "personal-tokens-cleanup";
    private static final int CLEANUP_BATCH = 500;
    private static final Logger LOG = Logger.getLogger(PersonalTokensLifecycle.class);

    private final KeycloakSessionFactory factory;
    private final PersonalTokensConfig config;

    public PersonalTokensLifecycle(KeycloakSessionFactory factory, PersonalTokensConfig config) {
        this.factory = factory;
        this.config = config;
    }

    public void register() {
        factory.register(this::onEvent);
    }

    private void onEvent(ProviderEvent event) {
        if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(factory, this::ensureClientInEveryRealm);
            scheduleCleanup();
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            PersonalTokensClient.ensure(created.getKeycloakSession(), created.getCreatedRealm());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            int count = new PersonalTokenStore(removed.getKeycloakSession())
                    .removeByUser(removed.getRealm().getId(), removed.getUser().getId());
            LOG.debugf("Deleted %d personal tokens of removed user %s", count, removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new PersonalTokenStore(removed.getKeycloakSession()).removeByRealm(removed.getRealm().getId());
        }
    }

    private void ensureClientInEveryRealm(KeycloakSession session) {
        session.realms().getRealmsStream().forEach(realm -> PersonalTokensClient.ensure(session, realm));
    }

    private void scheduleCleanup() {
        long intervalMillis = config.cleanupIntervalSeconds() * 1000L;
        ScheduledTask task = new CleanupTask(config.cleanupIntervalSeconds());
        KeycloakModelUtils.runJobInTransaction(factory, session ->
                session.getProvider(TimerProvider.class).scheduleTask(task, intervalMillis, CLEANUP_TASK));
    }

    /** Runs on every node; the cluster lock lets only one of them do the work per interval. */
    private record CleanupTask(int intervalSeconds) implements ScheduledTask {

        @Override
        public void run(KeycloakSession session) {
            session.getProvider(ClusterProvider.class).executeIfNotExecuted(CLEANUP_TASK, intervalSeconds, () -> {
                removeExpired(session);
                return null;
            });
        }

        @Override
        public String getTaskName() {
            return CLEANUP_TASK;
        }

        private static void removeExpired(KeycloakSession session) {
            PersonalTokenStore store = new PersonalTokenStore(session);
            List<PersonalTokenEntity> expired = store.expired(Time.currentTimeMillis(), CLEANUP_BATCH);
            for (PersonalTokenEntity token : expired) {
                RealmModel realm = session.realms().getRealm(token.getRealmId());
                if (realm != null) {
                    // Session lookups are realm-scoped; a timer thread has no realm of its own.
                    session.getContext().setRealm(realm);
                    new BackingSessions(session).remove(realm, token.getSessionId());
                    TokenEvents.revoked(session, realm, token, "expired");
                }
                store.remove(token);
            }
            if (!expired.isEmpty()) {
                LOG.debugf("Removed %d expired personal tokens", expired.size());
            }
        }
    }
}
