package io.github.kcpat.personaltokens.storage;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

final class PersonalTokenJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(PersonalTokenEntity.class, RetiredSecretEntity.class, NoticeEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/personal-tokens/changelog-master.xml";
    }

    @Override
    public String getFactoryId() {
        return PersonalTokenJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
