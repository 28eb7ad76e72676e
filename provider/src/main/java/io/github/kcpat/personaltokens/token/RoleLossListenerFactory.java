package io.github.kcpat.personaltokens.token;

import io.github.kcpat.personaltokens.rest.PersonalTokensResourceProviderFactory;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Global, so it works in every realm without the operator enabling a listener. */
public final class RoleLossListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "personal-tokens-role-loss";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RoleLossListener(session, PersonalTokensResourceProviderFactory.config(session.getKeycloakSessionFactory()));
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
