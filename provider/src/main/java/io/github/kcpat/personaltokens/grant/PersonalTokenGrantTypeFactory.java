package io.github.kcpat.personaltokens.grant;

import io.github.kcpat.personaltokens.core.PersonalTokenExchange;
import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

public final class PersonalTokenGrantTypeFactory implements OAuth2GrantTypeFactory {

    public static final String PROVIDER_ID = PersonalTokenExchange.GRANT_TYPE;

    private PersonalTokensConfig config;

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new PersonalTokenGrantType(config);
    }

    @Override
    public String getShortcut() {
        return PersonalTokenExchange.GRANT_SHORTCUT;
    }

    @Override
    public void init(Config.Scope scope) {
        config = PersonalTokensConfig.load();
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
