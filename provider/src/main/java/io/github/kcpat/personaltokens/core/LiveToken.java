package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import org.keycloak.models.UserModel;

/** A stored token that still stands (or will again once its user is re-enabled), with its user. */
public record LiveToken(PersonalTokenEntity entity, UserModel user) {

    public String id() {
        return entity.getId();
    }

    @Override
    public String toString() {
        return "LiveToken[" + entity.getId() + "]";
    }
}
