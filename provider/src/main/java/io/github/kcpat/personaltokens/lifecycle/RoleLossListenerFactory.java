package io.github.kcpat.personaltokens.lifecycle;

import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Global, so it works in every realm without the operator enabling a listener. Its start-up hook
 * also registers the rest of the lifecycle: cleanup on user and realm removal and the sweep.
 */
public final class RoleLossListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "personal-tokens-role-loss";

    private PersonalTokensConfig config;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RoleLossListener(session, config);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope scope) {
        config = PersonalTokensConfig.load();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        new PersonalTokensLifecycle(factory, config).register();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
