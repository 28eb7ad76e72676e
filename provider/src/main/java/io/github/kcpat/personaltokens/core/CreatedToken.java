package io.github.kcpat.personaltokens.core;

/** The only place the secret exists after creation: it goes into the 201 body and nowhere else. */
public record CreatedToken(LiveToken token, String secret) {

    @Override
    public String toString() {
        return "CreatedToken[" + token.id() + "]";
    }
}
