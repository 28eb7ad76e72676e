package io.github.kcpat.personaltokens.lifecycle;

import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.keycloak.PersonalTokensClient;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.timer.TimerProvider;

/**
 * Keeps tokens in step with the rest of Keycloak: every realm has the client, tokens go with
 * their user or realm, and the sweep is scheduled once the database is ready.
 */
final class PersonalTokensLifecycle {

    private static final Logger LOG = Logger.getLogger(PersonalTokensLifecycle.class);

    private final KeycloakSessionFactory factory;
    private final PersonalTokensConfig config;

    PersonalTokensLifecycle(KeycloakSessionFactory factory, PersonalTokensConfig config) {
        this.factory = factory;
        this.config = config;
    }

    void register() {
        factory.register(this::onEvent);
    }

    private void onEvent(ProviderEvent event) {
        if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(factory, this::ensureClientInEveryRealm);
            scheduleSweep();
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            PersonalTokensClient.ensure(created.getKeycloakSession(), created.getCreatedRealm());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            int count = new PersonalTokenStore(removed.getKeycloakSession())
                    .removeByUser(removed.getRealm().getId(), removed.getUser().getId());
            LOG.debugf("Deleted %d personal tokens of removed user %s", count, removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            int count = new PersonalTokenStore(removed.getKeycloakSession()).removeByRealm(removed.getRealm().getId());
            LOG.debugf("Deleted %d personal tokens of removed realm %s", count, removed.getRealm().getId());
        }
    }

    private void ensureClientInEveryRealm(KeycloakSession session) {
        session.realms().getRealmsStream().forEach(realm -> PersonalTokensClient.ensure(session, realm));
    }

    private void scheduleSweep() {
        ScheduledSweep task = new ScheduledSweep(config);
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .scheduleTask(task, config.cleanupIntervalSeconds() * 1000L, ScheduledSweep.TASK_NAME));
    }
}
