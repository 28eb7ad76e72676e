package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.keycloak.BackingSessions;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * Decides whether a stored token still stands. Keycloak can end a token in ways that never reach
 * our code (consent revocation, "sign out", not-before pushes, role changes), so the truth is
 * derived from Keycloak's state every time instead of being mirrored into our table.
 */
public final class TokenLiveness {

    public enum State {
        LIVE(null),
        /** Refused for now, but the token comes back when the user is enabled again. */
        USER_DISABLED(null),
        EXPIRED(RevokeReason.EXPIRED),
        SESSION_GONE(RevokeReason.SESSION_GONE),
        NOT_BEFORE(RevokeReason.NOT_BEFORE),
        ROLE_LOST(RevokeReason.ROLE_LOST);

        private final RevokeReason revokeReason;

        State(RevokeReason revokeReason) {
            this.revokeReason = revokeReason;
        }

        public boolean isDead() {
            return revokeReason != null;
        }

        /** Why a token in this state is revoked; null for the states that are not dead. */
        public RevokeReason revokeReason() {
            return revokeReason;
        }
    }

    public record Verdict(State state, UserSessionModel offlineSession) {
    }

    /** How long a missing session of a just-issued token may be one still being written. */
    static final long SESSION_SETTLE_MILLIS = 10_000;

    /**
     * Keycloak writes a new session after the transaction that made it, so a request running at
     * the same moment can see a token's row before its session. For such a token, a missing
     * session proves nothing yet.
     */
    static boolean mayBeSettling(PersonalTokenEntity token, long nowMillis) {
        long issuedAt = token.getRotatedAt() != null ? token.getRotatedAt() : token.getCreatedAt();
        return nowMillis - issuedAt < SESSION_SETTLE_MILLIS;
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel client;
    private final TokenPolicy policy;

    public TokenLiveness(KeycloakSession session, RealmModel realm, ClientModel client, TokenPolicy policy) {
        this.session = session;
        this.realm = realm;
        this.client = client;
        this.policy = policy;
    }

    public Verdict check(PersonalTokenEntity token, UserModel user, long nowMillis) {
        if (token.getExpiresAt() != null && token.getExpiresAt() <= nowMillis) {
            return new Verdict(State.EXPIRED, null);
        }
        if (token.getCreatedAt() / 1000 < notBefore(user)) {
            return new Verdict(State.NOT_BEFORE, null);
        }
        if (!holdsRole(user, token.getRole())) {
            return new Verdict(State.ROLE_LOST, null);
        }
        UserSessionModel offline = new BackingSessions(session).find(realm, client, token.getSessionId());
        if (offline == null) {
            return new Verdict(State.SESSION_GONE, null);
        }
        return new Verdict(user.isEnabled() ? State.LIVE : State.USER_DISABLED, offline);
    }

    /** A role counts only while the policy still lists it and the user holds it, directly or not. */
    public boolean holdsRole(UserModel user, String roleName) {
        if (policy.role(roleName).isEmpty()) {
            return false;
        }
        RoleModel role = realm.getRole(roleName);
        return role != null && user.hasRole(role);
    }

    // Keycloak compares token iat (seconds) with the largest of the realm, client and user values.
    private int notBefore(UserModel user) {
        int notBefore = Math.max(realm.getNotBefore(), client.getNotBefore());
        return Math.max(notBefore, session.users().getNotBeforeOfUser(realm, user));
    }
}
