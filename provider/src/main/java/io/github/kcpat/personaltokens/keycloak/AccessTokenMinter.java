package io.github.kcpat.personaltokens.keycloak;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.util.UserSessionUtil;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Mints an ordinary Keycloak access token on a transient copy of the token's offline session, as
 * standard token exchange does. The copy keeps the offline session's id, so the minted token's
 * {@code sid} points at the offline session and dies with it.
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
        UserSessionModel transientSession = UserSessionUtil.createTransientUserSession(session, offline);
        AuthenticationSessionModel authSession = new BackingSessions(session)
                .newAuthSession(realm, client, offline.getUser());
        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext context = TokenManager.attachAuthenticationSession(session, transientSession, authSession);
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
