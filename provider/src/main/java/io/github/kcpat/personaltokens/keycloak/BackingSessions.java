package io.github.kcpat.personaltokens.keycloak;

import org.keycloak.OAuth2Constants;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Each personal token lives on one offline user session of the {@code personal-tokens} client.
 * That is what ties a token into Keycloak's own revocation: consent revocation, "sign out all
 * sessions" and session expiry all end the token, and every access token minted on the session
 * stops introspecting as active the moment the session is gone.
 */
public final class BackingSessions {

    static final String AUTH_METHOD = "personal-token";
    /** How stale an offline session's last refresh may get before an exchange refreshes it. */
    private static final int REFRESH_AFTER_SECONDS = 60;

    private final KeycloakSession session;

    public BackingSessions(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Whether a session is a personal token's backing session (or a transient copy of one, which
     * is what a token minted from it, or exchanged from such a token, is verified against).
     */
    public static boolean isBacking(UserSessionModel userSession) {
        return userSession != null && AUTH_METHOD.equals(userSession.getAuthMethod());
    }

    /** Whether the session with this id is a personal token's backing session. */
    public boolean isBacking(RealmModel realm, String sessionId) {
        return sessionId != null && isBacking(session.sessions().getOfflineUserSession(realm, sessionId));
    }

    /** Creates the offline session and returns its id, which is also the {@code sid} of minted tokens. */
    public String create(RealmModel realm, ClientModel client, UserModel user, String ipAddress) {
        UserSessionManager sessions = new UserSessionManager(session);
        UserSessionModel online = sessions.createUserSession(null, realm, user, user.getUsername(), ipAddress,
                AUTH_METHOD, false, null, null, UserSessionModel.SessionPersistenceState.PERSISTENT);
        AuthenticationSessionModel authSession = newAuthSession(realm, client, user);
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, OAuth2Constants.OFFLINE_ACCESS);
        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext context = TokenManager.attachAuthenticationSession(session, online, authSession);
        sessions.createOrUpdateOfflineSession(context.getClientSession(), online);
        // Its notes are in the client session now. Left alone, the root authentication session
        // would stay in Keycloak's unbounded authenticationSessions cache until it expires: one
        // per token created or rotated in the last half hour (the growth benchmark's heap).
        session.authenticationSessions().removeRootAuthenticationSession(realm, authSession.getParentSession());
        // The offline copy keeps the id; the online one would only show up as a stray login.
        session.sessions().removeUserSession(realm, online);
        return online.getId();
    }

    /** The token's offline session, or null when Keycloak removed it or detached our client from it. */
    public UserSessionModel find(RealmModel realm, ClientModel client, String sessionId) {
        UserSessionModel offline = session.sessions().getOfflineUserSession(realm, sessionId);
        if (offline == null || offline.getAuthenticatedClientSessionByClient(client.getId()) == null) {
            return null;
        }
        return offline;
    }

    public void remove(RealmModel realm, String sessionId) {
        UserSessionModel offline = session.sessions().getOfflineUserSession(realm, sessionId);
        if (offline != null) {
            new UserSessionManager(session).revokeOfflineUserSession(offline);
        }
    }

    /**
     * Keeps a used token's session from reaching the realm's offline idle timeout. Throttled, as
     * every refresh is a write to the session store.
     */
    public void markUsed(UserSessionModel offline, ClientModel client) {
        int now = Time.currentTime();
        if (now - offline.getLastSessionRefresh() >= REFRESH_AFTER_SECONDS) {
            offline.setLastSessionRefresh(now);
            // Keycloak expires the client's part of an offline session on its own idle clock.
            AuthenticatedClientSessionModel clientSession = offline.getAuthenticatedClientSessionByClient(client.getId());
            if (clientSession != null) {
                clientSession.setTimestamp(now);
            }
        }
    }

    private AuthenticationSessionModel newAuthSession(RealmModel realm, ClientModel client, UserModel user) {
        AuthenticationSessionModel authSession = new AuthenticationSessionManager(session)
                .createAuthenticationSession(realm, false)
                .createAuthenticationSession(client);
        authSession.setAuthenticatedUser(user);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER, issuer(session, realm));
        return authSession;
    }

    static String issuer(KeycloakSession session, RealmModel realm) {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }
}
