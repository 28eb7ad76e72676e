package io.github.kcpat.personaltokens.account;

import io.github.kcpat.personaltokens.keycloak.AccessTokenMinter;
import io.github.kcpat.personaltokens.keycloak.BackingSessions;
import io.github.kcpat.personaltokens.web.ApiError;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Authenticates a caller of the self-service API the way Keycloak's account REST API does: a
 * bearer token for the {@code account} audience, the {@code manage-account} role, and no service
 * accounts.
 */
final class UserAuthenticator {

    private UserAuthenticator() {
    }

    record Caller(UserModel user, AccessToken token, UserSessionModel userSession) {
    }

    static Caller authenticate(KeycloakSession session, RealmModel realm) {
        // Tokens minted from personal tokens fail here too: our grant's isTokenAllowed refuses them.
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (result == null) {
            throw ApiError.unauthorized("a valid bearer token is required");
        }
        AccessToken token = result.token();
        // Derived tokens are recognised by their session, whatever grant produced them (DESIGN
        // §9.1): a token exchanged from a derived token keeps the backing session as its sid.
        if (BackingSessions.isBacking(result.session())
                || token.getOtherClaims().containsKey(AccessTokenMinter.TOKEN_ID_CLAIM)) {
            throw ApiError.unauthorized("tokens obtained from a personal token cannot manage tokens");
        }
        ClientModel account = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        if (account == null) {
            throw ApiError.forbidden("account management is disabled in this realm");
        }
        if (token.getAudience() == null || token.getResourceAccess(account.getClientId()) == null) {
            // Lightweight tokens carry no audience or roles; read them the way introspection would.
            AccessTokenIntrospectionProvider provider = (AccessTokenIntrospectionProvider) session.getProvider(
                    TokenIntrospectionProvider.class, AccessTokenIntrospectionProviderFactory.ACCESS_TOKEN_TYPE);
            token = provider.transformAccessToken(token, result.session());
        }
        if (!token.hasAudience(account.getClientId())) {
            throw ApiError.unauthorized("the bearer token is not meant for the account service");
        }
        UserModel user = result.user();
        if (user.getServiceAccountClientLink() != null) {
            throw ApiError.forbidden("service accounts have no personal tokens");
        }
        RoleModel manageAccount = account.getRole(AccountRoles.MANAGE_ACCOUNT);
        if (manageAccount == null || !user.hasRole(manageAccount)) {
            throw ApiError.forbidden("the manage-account role is required");
        }
        return new Caller(user, token, result.session());
    }
}
