package io.github.kcpat.personaltokens.keycloak;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;

/**
 * The public client that owns every token's offline session and is the {@code azp} of every
 * access token minted from a personal token. Operators attach audience mappers or client scopes
 * to it; we only ever create it, never change it.
 */
public final class PersonalTokensClient {

    public static final String CLIENT_ID = "personal-tokens";
    private static final Logger LOG = Logger.getLogger(PersonalTokensClient.class);

    private PersonalTokensClient() {
    }

    public static ClientModel ensure(KeycloakSession session, RealmModel realm) {
        ClientModel existing = realm.getClientByClientId(CLIENT_ID);
        if (existing != null) {
            return existing;
        }
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(CLIENT_ID);
        rep.setName("Personal API tokens");
        rep.setDescription("Backs personal API tokens. Add audience mappers here for the APIs they call.");
        rep.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        rep.setPublicClient(true);
        rep.setStandardFlowEnabled(false);
        rep.setImplicitFlowEnabled(false);
        rep.setDirectAccessGrantsEnabled(false);
        rep.setServiceAccountsEnabled(false);
        rep.setFrontchannelLogout(false);
        // Scopes come from the token's role, so realm roles must not leak into its access tokens.
        rep.setFullScopeAllowed(false);
        // "basic" carries the sub claim; nothing else is needed by default.
        rep.setDefaultClientScopes(List.of("basic"));
        rep.setOptionalClientScopes(List.of());
        ClientModel client = ClientManager.createClient(session, realm, rep);
        LOG.infof("Created client %s in realm %s", CLIENT_ID, realm.getName());
        return client;
    }
}
