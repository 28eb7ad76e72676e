package io.github.kcpat.personaltokens.account;

import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import io.github.kcpat.personaltokens.web.RequestBodies;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class PersonalTokensResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final PersonalTokensConfig config;

    PersonalTokensResourceProvider(KeycloakSession session, PersonalTokensConfig config) {
        this.session = session;
        this.config = config;
    }

    @Override
    public Object getResource() {
        RequestBodies.refuseUnreadable(session);
        return new PersonalTokensResource(session, config);
    }

    @Override
    public void close() {
    }
}
