package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.secret.TokenFormat;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Revoke by value (DESIGN §9.2): whoever finds a leaked secret can end it without knowing whose it
 * is or which realm it belongs to. Live and retired secrets both revoke their token; the caller is
 * told nothing either way.
 */
public final class ExposedSecrets {

    private final KeycloakSession session;
    private final PersonalTokensConfig config;
    private final PersonalTokenStore store;

    public ExposedSecrets(KeycloakSession session, PersonalTokensConfig config) {
        this.session = session;
        this.config = config;
        this.store = new PersonalTokenStore(session);
    }

    /** Returns how many tokens this call revoked, for the log; never for the answer. */
    public int revoke(List<String> secrets) {
        int revoked = 0;
        for (String secret : secrets) {
            Optional<PersonalTokenEntity> token = find(secret);
            if (token.isPresent() && revokeInItsRealm(token.get())) {
                revoked++;
            }
        }
        return revoked;
    }

    private Optional<PersonalTokenEntity> find(String secret) {
        if (!TokenFormat.isWellFormed(secret)) {
            return Optional.empty();
        }
        String digest = config.digester().digest(secret);
        Optional<PersonalTokenEntity> live = store.findByDigest(digest);
        if (live.isPresent()) {
            return live;
        }
        return store.findRetired(digest).flatMap(r -> store.findById(r.getRealmId(), r.getTokenId()));
    }

    private boolean revokeInItsRealm(PersonalTokenEntity token) {
        RealmModel requestRealm = session.getContext().getRealm();
        RealmModel realm = session.realms().getRealm(token.getRealmId());
        if (realm == null) {
            return false;
        }
        // Session removal is realm-scoped; the token may belong to another realm than the URL's.
        session.getContext().setRealm(realm);
        try {
            return new PersonalTokenService(session, realm, config).revokeExposed(token, RevokeReason.REPORTED_EXPOSED);
        } finally {
            session.getContext().setRealm(requestRealm);
        }
    }
}
