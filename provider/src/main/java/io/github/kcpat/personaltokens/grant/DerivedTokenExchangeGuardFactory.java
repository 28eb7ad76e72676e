package io.github.kcpat.personaltokens.grant;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.TokenExchangeProvider;
import org.keycloak.protocol.oidc.TokenExchangeProviderFactory;

/** Registers the guard ahead of Keycloak's exchange providers (standard v2 has order 10). */
public final class DerivedTokenExchangeGuardFactory implements TokenExchangeProviderFactory {

    public static final String PROVIDER_ID = "personal-tokens-derived-guard";
    private static final int BEFORE_KEYCLOAKS_OWN = 100;

    @Override
    public TokenExchangeProvider create(KeycloakSession session) {
        return new DerivedTokenExchangeGuard(session);
    }

    @Override
    public int order() {
        return BEFORE_KEYCLOAKS_OWN;
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
