package io.github.kcpat.personaltokens.keycloak;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.services.Urls;
import org.keycloak.services.util.DefaultClientSessionContext;
import org.keycloak.services.util.UserSessionUtil;

/**
 * Mints an ordinary Keycloak access token on a transient copy of the token's offline session, as
 * standard token exchange does. The copy keeps the offline session's id, so the minted token's
 * {@code sid} points at the offline session and dies with it.
 *
 * <p>Unlike token exchange, no authentication session is made: the client session is attached
 * to the copy directly and its scopes are resolved once, as the refresh grant does. An
 * authentication session would be written to, and removed from, Keycloak's distributed
 * authentication-session cache on every exchange, which on a cluster is a remote call each time.
 */
public final class AccessTokenMinter {

    public static final String TOKEN_ID_CLAIM = "personal_token_id";

    private final KeycloakSession session;
    private final String grantType;

    public AccessTokenMinter(KeycloakSession session, String grantType) {
        this.session = session;
        this.grantType = grantType;
    }

    public AccessTokenResponse mint(RealmModel realm, ClientModel client, UserSessionModel offline,
                                    String personalTokenId, String scope, EventBuilder event) {
        // Protocol mappers read the client from the context; the REST endpoints have none set.
        session.getContext().setClient(client);
        UserSessionModel transientSession = UserSessionUtil.createTransientUserSession(session, offline);
        AuthenticatedClientSessionModel clientSession = session.sessions().createClientSession(realm, client, transientSession);
        clientSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        clientSession.setNote(OIDCLoginProtocol.ISSUER, BackingSessions.issuer(session, realm));
        // No authentication happens here, so there is no level of authentication to claim.
        clientSession.setNote(Constants.LEVEL_OF_AUTHENTICATION, String.valueOf(Constants.NO_LOA));
        clientSession.setTimestamp(transientSession.getLastSessionRefresh());
        // A null scope parameter means the client's default scopes, as the authentication session gave.
        ClientSessionContext context = DefaultClientSessionContext.fromClientSessionAndScopeParameter(clientSession, null, session);
        context.setAttribute(Constants.GRANT_TYPE, grantType);

        TokenManager.AccessTokenResponseBuilder builder = new TokenManager()
                .responseBuilder(realm, client, event, session, transientSession, context)
                .generateAccessToken();
        AccessToken accessToken = builder.getAccessToken();
        accessToken.setScope(scope);
        accessToken.getOtherClaims().put(TOKEN_ID_CLAIM, personalTokenId);

        AccessTokenResponse response = builder.build();
        response.setScope(scope);
        return response;
    }
}
