package io.github.kcpat.personaltokens.account;

import io.github.kcpat.personaltokens.core.PersonalTokensConfig;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves {@code /realms/{realm}/personal-tokens}. The extension's server-wide options are named
 * after this provider, so it documents them for the server info page.
 */
public final class PersonalTokensResourceProviderFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    /** The URL segment under {@code /realms/{realm}/}. */
    public static final String PROVIDER_ID = PersonalTokensConfig.PROVIDER;

    private static final Logger LOG = Logger.getLogger(PersonalTokensResourceProviderFactory.class);

    private PersonalTokensConfig config;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PersonalTokensResourceProvider(session, config);
    }

    @Override
    public void init(Config.Scope scope) {
        config = PersonalTokensConfig.from(scope);
        // The other factories read the same options on their own (PersonalTokensConfig.load());
        // this one reports them, because the options are named after its SPI.
        if (!config.digester().isKeyed()) {
            LOG.infof("Personal tokens are stored as plain SHA-256 digests; set %s for keyed digests",
                    PersonalTokensConfig.DIGEST_SECRET);
        }
        LOG.debugf("Personal tokens configured: %s", config);
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

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PersonalTokensConfig.DIGEST_SECRET).type("password")
                .helpText("Server-side secret that keys the stored token digests (HMAC-SHA256). Changing it invalidates every existing token.")
                .add()
                .property().name(PersonalTokensConfig.LAST_USED_INTERVAL).type("int")
                .defaultValue(PersonalTokensConfig.DEFAULT_LAST_USED_INTERVAL)
                .helpText("A token's last use is written at most once per this many seconds.")
                .add()
                .property().name(PersonalTokensConfig.CLEANUP_INTERVAL).type("int")
                .defaultValue(PersonalTokensConfig.DEFAULT_CLEANUP_INTERVAL)
                .helpText("How often, in seconds, one cluster node revokes expired and unused tokens and sends notices.")
                .add()
                .property().name(PersonalTokensConfig.FAILURE_LIMIT).type("int")
                .defaultValue(PersonalTokensConfig.DEFAULT_FAILURE_LIMIT)
                .helpText("Refused presentations of a personal token per client address and window before the address gets 429; 0 switches throttling off.")
                .add()
                .property().name(PersonalTokensConfig.FAILURE_WINDOW).type("int")
                .defaultValue(PersonalTokensConfig.DEFAULT_FAILURE_WINDOW)
                .helpText("Length in seconds of the failure window, which starts with the first counted failure.")
                .add()
                .property().name(PersonalTokensConfig.REUSE_GRACE).type("int")
                .defaultValue(PersonalTokensConfig.DEFAULT_REUSE_GRACE)
                .helpText("A secret retired by rotation and presented within this many seconds is refused without revoking the token.")
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        String version = getClass().getPackage().getImplementationVersion();
        return Map.of("version", version == null ? "dev" : version,
                "keyedDigest", String.valueOf(config.digester().isKeyed()));
    }
}
