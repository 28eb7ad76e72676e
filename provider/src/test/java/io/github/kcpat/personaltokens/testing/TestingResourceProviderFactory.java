package io.github.kcpat.personaltokens.testing;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Test-only: deployed only into the integration-test server, never shipped. It moves Keycloak's
 * clock ({@code Time.setOffset}) so that expiry and not-before can be tested without waiting, and
 * counts the token table's rows so that cleanup can be checked in the database itself.
 */
public final class TestingResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "kcpat-testing";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new TestingResource(session);
            }

            @Override
            public void close() {
            }
        };
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
