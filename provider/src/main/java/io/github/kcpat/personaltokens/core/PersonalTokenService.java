package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.core.TokenRequestException.Kind;
import io.github.kcpat.personaltokens.keycloak.BackingSessions;
import io.github.kcpat.personaltokens.keycloak.PersonalTokensClient;
import io.github.kcpat.personaltokens.policy.PolicyStore;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.secret.TokenFormat;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import io.github.kcpat.personaltokens.storage.TokenFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The use cases both APIs share: create (or assign), find, list, revoke. The REST resources only
 * authenticate, authorize, translate and fire admin events; every rule lives here.
 */
public final class PersonalTokenService {

    /** How many rows a listing reads at a time; it filters by liveness and permission itself. */
    private static final int READ_WINDOW = 200;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PersonalTokensConfig config;
    private final PersonalTokenStore store;
    private final ClientModel client;
    private final TokenPolicy policy;
    private final TokenLiveness liveness;

    public PersonalTokenService(KeycloakSession session, RealmModel realm, PersonalTokensConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.store = new PersonalTokenStore(session);
        this.client = PersonalTokensClient.ensure(session, realm);
        this.policy = PolicyStore.read(realm);
        this.liveness = new TokenLiveness(session, realm, client, policy);
    }

    public TokenPolicy policy() {
        return policy;
    }

    /** The realm's {@code personal-tokens} client, already looked up (or created) for this request. */
    public ClientModel client() {
        return client;
    }

    /** The policy roles this user holds, most privileged first. */
    public List<RoleScopes> rolesHeldBy(UserModel user) {
        return policy.roles().stream().filter(r -> liveness.holdsRole(user, r.role())).toList();
    }

    /**
     * Creates a token for {@code owner}, as the owner's own request or as an assignment.
     *
     * @param assigner the admin who assigns the token, or null when users create their own
     */
    public CreatedToken create(UserModel owner, NewToken request, UserModel assigner) {
        String name = TokenRequestRules.name(request.name());
        long now = Time.currentTimeMillis();
        Long expiresAt = TokenRequestRules.expiresAt(policy, request.expiresInDays(), now);
        RoleScopes role = role(owner, request.role(), assigner == null);

        List<LiveToken> live = listLive(owner);
        if (live.size() >= policy.maxTokensPerUser()) {
            throw new TokenRequestException(Kind.CONFLICT,
                    "the limit of " + policy.maxTokensPerUser() + " active tokens per user is reached");
        }
        if (live.stream().anyMatch(t -> t.entity().getName().equals(name))) {
            throw new TokenRequestException(Kind.CONFLICT, "an active token with this name already exists");
        }

        String secret = TokenFormat.generate(policy.tokenPrefix());
        PersonalTokenEntity token = new PersonalTokenEntity();
        token.setId(KeycloakModelUtils.generateId());
        token.setRealmId(realm.getId());
        token.setUserId(owner.getId());
        token.setName(name);
        token.setRole(role.role());
        token.setScopes(role.scopeString());
        token.setDigest(config.digester().digest(secret));
        token.setHint(TokenFormat.hint(secret));
        token.setCreatedAt(now);
        token.setExpiresAt(expiresAt);
        if (assigner != null) {
            token.setCreatedBy(assigner.getId());
            token.setAssignedBy(assigner.getUsername());
        }
        token.setSessionId(new BackingSessions(session).create(realm, client, owner, clientAddress()));
        store.add(token);
        TokenEvents.created(session, realm, token);
        return new CreatedToken(new LiveToken(token, owner), secret);
    }

    /** The user's tokens that still work or will again once the user is re-enabled, newest first. */
    public List<LiveToken> listLive(UserModel user) {
        long now = Time.currentTimeMillis();
        return store.listByUser(realm.getId(), user.getId()).stream()
                .filter(t -> !liveness.check(t, user, now).state().isDead())
                .map(t -> new LiveToken(t, user))
                .toList();
    }

    /**
     * One page of the realm's live tokens, newest first, narrowed by the filter and by what the
     * caller may see. Visibility and liveness are decided per row, so rows are read in windows
     * until the page is full.
     */
    public List<LiveToken> page(TokenFilter filter, Predicate<UserModel> visible, int first, int max) {
        List<LiveToken> page = new ArrayList<>();
        long now = Time.currentTimeMillis();
        int skipped = 0;
        for (int window = 0; page.size() < max; window += READ_WINDOW) {
            List<PersonalTokenEntity> batch = store.search(realm.getId(), filter, window, READ_WINDOW);
            for (PersonalTokenEntity token : batch) {
                UserModel user = session.users().getUserById(realm, token.getUserId());
                if (user == null || !visible.test(user) || liveness.check(token, user, now).state().isDead()) {
                    continue;
                }
                if (skipped++ < first) {
                    continue;
                }
                page.add(new LiveToken(token, user));
                if (page.size() == max) {
                    break;
                }
            }
            if (batch.size() < READ_WINDOW) {
                break;
            }
        }
        return page;
    }

    /** A token of this realm that still stands, whoever owns it; callers check ownership. */
    public Optional<LiveToken> findLive(String id) {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        return store.findById(realm.getId(), id).flatMap(t -> {
            UserModel user = session.users().getUserById(realm, t.getUserId());
            if (user == null || liveness.check(t, user, Time.currentTimeMillis()).state().isDead()) {
                return Optional.empty();
            }
            return Optional.of(new LiveToken(t, user));
        });
    }

    /**
     * Revokes the token: its row and its backing session go, so access tokens minted from it stop
     * at once. Returns false when another request revoked it first; only the winner records it.
     */
    public boolean revoke(PersonalTokenEntity token, RevokeReason reason) {
        if (!store.remove(token)) {
            return false;
        }
        new BackingSessions(session).remove(realm, token.getSessionId());
        TokenEvents.revoked(session, realm, token, reason);
        return true;
    }

    /** Revokes every token of the user, live or not; returns those this request revoked. */
    public List<PersonalTokenEntity> revokeAll(UserModel user, RevokeReason reason) {
        return store.listByUser(realm.getId(), user.getId()).stream()
                .filter(t -> revoke(t, reason))
                .toList();
    }

    /** Revokes the user's tokens that can never work again, each with an event naming why. */
    public void revokeDead(UserModel user) {
        long now = Time.currentTimeMillis();
        for (PersonalTokenEntity token : store.listByUser(realm.getId(), user.getId())) {
            revokeIfDead(token, user, now);
        }
    }

    /** Revokes the token if it can never work again; returns its state either way. */
    public TokenLiveness.Verdict revokeIfDead(PersonalTokenEntity token, UserModel user, long now) {
        TokenLiveness.Verdict verdict = liveness.check(token, user, now);
        if (verdict.state().isDead()) {
            revoke(token, verdict.state().revokeReason());
        }
        return verdict;
    }

    /** The same over the whole realm, for changes (composite roles, groups) that touch many users. */
    public void revokeDeadInRealm() {
        long now = Time.currentTimeMillis();
        List<PersonalTokenEntity> all = new ArrayList<>();
        List<PersonalTokenEntity> batch;
        do {
            batch = store.search(realm.getId(), TokenFilter.ALL, all.size(), READ_WINDOW);
            all.addAll(batch);
        } while (batch.size() == READ_WINDOW);
        for (PersonalTokenEntity token : all) {
            UserModel user = session.users().getUserById(realm, token.getUserId());
            if (user != null) {
                revokeIfDead(token, user, now);
            }
        }
    }

    private RoleScopes role(UserModel owner, String requested, boolean ownerIsCaller) {
        // The caller asking for a role they lack is forbidden; an admin naming one the target
        // lacks made a bad request (DESIGN §4).
        if (requested == null) {
            return rolesHeldBy(owner).stream().findFirst().orElseThrow(() -> ownerIsCaller
                    ? new TokenRequestException(Kind.FORBIDDEN, "you hold no role that may own personal tokens")
                    : new TokenRequestException(Kind.INVALID, "the user holds no role that may own personal tokens"));
        }
        RoleScopes role = policy.role(requested).orElseThrow(() ->
                new TokenRequestException(Kind.INVALID, "role is not one of the policy's roles"));
        if (!liveness.holdsRole(owner, role.role())) {
            throw ownerIsCaller
                    ? new TokenRequestException(Kind.FORBIDDEN, "you do not hold the role " + role.role())
                    : new TokenRequestException(Kind.INVALID, "the user does not hold the role " + role.role());
        }
        return role;
    }

    private String clientAddress() {
        return session.getContext().getConnection().getRemoteAddr();
    }

    static boolean isUuid(String id) {
        return id != null && id.length() == 36 && id.matches("[0-9a-fA-F-]{36}");
    }
}
