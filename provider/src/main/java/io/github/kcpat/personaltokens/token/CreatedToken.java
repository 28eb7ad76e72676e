package io.github.kcpat.personaltokens.token;

import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;

/** The only place the secret exists after creation: it goes into the 201 body and nowhere else. */
public record CreatedToken(PersonalTokenEntity entity, String secret) {

    @Override
    public String toString() {
        return "CreatedToken[" + entity.getId() + "]";
    }
}
