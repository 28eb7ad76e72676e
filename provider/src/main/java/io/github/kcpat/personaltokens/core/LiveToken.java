package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * A stored token that still stands (or will again once its user is re-enabled), with its user and
 * its backing offline session as the liveness check found them.
 */
public record LiveToken(PersonalTokenEntity entity, UserModel user, UserSessionModel offlineSession) {

    public String id() {
        return entity.getId();
    }

    @Override
    public String toString() {
        return "LiveToken[" + entity.getId() + "]";
    }
}
