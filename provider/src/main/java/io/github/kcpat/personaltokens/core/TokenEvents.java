package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.keycloak.PersonalTokensClient;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * User events for a token's life. Keycloak's event types are a fixed enum, so a token is treated
 * as the credential it is: created is UPDATE_CREDENTIAL, revoked is REMOVE_CREDENTIAL. Details carry
 * the token id and name, never the secret or its digest.
 */
final class TokenEvents {

    public static final String TOKEN_ID = "personal_token_id";
    public static final String CREDENTIAL_TYPE = "personal-token";

    private TokenEvents() {
    }

    static void created(KeycloakSession session, RealmModel realm, PersonalTokenEntity token) {
        describe(session, realm, token, EventType.UPDATE_CREDENTIAL)
                .detail("role", token.getRole())
                .detail("assigned_by", token.getAssignedBy())
                .success();
    }

    static void rotated(KeycloakSession session, RealmModel realm, PersonalTokenEntity token) {
        describe(session, realm, token, EventType.UPDATE_CREDENTIAL)
                .detail("action", "rotated")
                .success();
    }

    static void revoked(KeycloakSession session, RealmModel realm, PersonalTokenEntity token, RevokeReason reason) {
        describe(session, realm, token, EventType.REMOVE_CREDENTIAL)
                .detail(Details.REASON, reason.detail())
                .success();
    }

    private static EventBuilder describe(KeycloakSession session, RealmModel realm, PersonalTokenEntity token, EventType type) {
        ClientConnection connection = session.getContext().getConnection();
        EventBuilder event = connection == null ? new EventBuilder(realm, session) : new EventBuilder(realm, session, connection);
        return event.event(type)
                .user(token.getUserId())
                .client(PersonalTokensClient.CLIENT_ID)
                .detail(Details.CREDENTIAL_TYPE, CREDENTIAL_TYPE)
                .detail(TOKEN_ID, token.getId())
                .detail("token_name", token.getName());
    }
}
