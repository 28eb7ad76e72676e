package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.core.TokenRequestException.Kind;
import io.github.kcpat.personaltokens.keycloak.BackingSessions;
import io.github.kcpat.personaltokens.keycloak.PersonalTokensClient;
import io.github.kcpat.personaltokens.policy.AllowedNetworks;
import io.github.kcpat.personaltokens.policy.PolicyStore;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.secret.TokenFormat;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import io.github.kcpat.personaltokens.storage.RetiredSecretEntity;
import io.github.kcpat.personaltokens.storage.TokenFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
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
    /** How long a retired digest of a never-expiring token is kept to recognise its reuse. */
    private static final long RETIRED_KEPT_WITHOUT_EXPIRY = TimeUnit.DAYS.toMillis(365);

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
        RoleScopes role = role(owner, request.role(), assigner == null);
        Long expiresAt = TokenRequestRules.expiresAt(policy, role, request.expiresInDays(), now);
        AllowedNetworks networks = TokenRequestRules.networks(role, request.allowedNetworks());

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
        token.setAllowedNetworks(networks.stored());
        if (assigner != null) {
            token.setCreatedBy(assigner.getId());
            token.setAssignedBy(assigner.getUsername());
        }
        // The session is made before the lock, to keep the lock short.
        BackingSessions sessions = new BackingSessions(session);
        token.setSessionId(sessions.create(realm, client, owner, clientAddress()));
        // Concurrent creations of one user run one after the other from here on, on every node.
        store.lockUser(owner.getId());
        try {
            requireRoomFor(owner, name);
        } catch (TokenRequestException e) {
            sessions.remove(realm, token.getSessionId());
            throw e;
        }
        store.add(token);
        TokenEvents.created(session, realm, token);
        return new CreatedToken(new LiveToken(token, owner, null), secret);
    }

    /**
     * The limit and the unique name, checked under the user's lock. Counting rows is cheap and
     * exact for the common case; only a user at the limit pays for the liveness pass that frees
     * the slots of tokens Keycloak has already ended.
     */
    private void requireRoomFor(UserModel owner, String name) {
        long now = Time.currentTimeMillis();
        for (PersonalTokenEntity sameName : store.findByName(realm.getId(), owner.getId(), name)) {
            if (occupies(sameName, owner, now)) {
                throw new TokenRequestException(Kind.CONFLICT, "an active token with this name already exists");
            }
        }
        if (store.countByUser(realm.getId(), owner.getId()) >= policy.maxTokensPerUser()) {
            store.listByUser(realm.getId(), owner.getId()).forEach(t -> occupies(t, owner, now));
            if (store.countByUser(realm.getId(), owner.getId()) >= policy.maxTokensPerUser()) {
                throw new TokenRequestException(Kind.CONFLICT,
                        "the limit of " + policy.maxTokensPerUser() + " active tokens per user is reached");
            }
        }
    }

    /**
     * Whether a token holds its name and its slot; a dead one is revoked, so it no longer does.
     * A concurrent creation may not see a just-made token's session yet: that token still holds.
     */
    private boolean occupies(PersonalTokenEntity token, UserModel owner, long now) {
        TokenLiveness.Verdict verdict = liveness.check(token, owner, now);
        if (verdict.state() == TokenLiveness.State.SESSION_GONE && TokenLiveness.mayBeSettling(token, now)) {
            return true;
        }
        if (verdict.state().isDead()) {
            revoke(token, verdict.state().revokeReason());
            return false;
        }
        return true;
    }

    /**
     * Gives the token a new secret, a new backing session and a new expiry; everything else
     * stays. The old secret stops at once (its session goes, so do access tokens minted from it)
     * and its digest is kept to recognise reuse.
     *
     * @param presentedDigest for self-rotation, the digest of the secret presented; the rotation
     *                        is refused (empty) when another rotation replaced that secret first
     */
    public Optional<CreatedToken> rotate(LiveToken live, Integer expiresInDays, String presentedDigest) {
        PersonalTokenEntity token = live.entity();
        if (!store.lockAndRefresh(token) || presentedDigest != null && !presentedDigest.equals(token.getDigest())) {
            return Optional.empty();
        }
        long now = Time.currentTimeMillis();
        RoleScopes role = policy.role(token.getRole()).orElseThrow(() ->
                new TokenRequestException(Kind.CONFLICT, "the token's role is no longer in the policy"));
        Long issuedAt = token.getRotatedAt() != null ? token.getRotatedAt() : token.getCreatedAt();
        Long expiresAt = expiresInDays != null
                ? TokenRequestRules.expiresAt(policy, role, expiresInDays, now)
                : TokenRequestRules.rotatedExpiresAt(policy, role, token.getExpiresAt(), issuedAt, now);

        RetiredSecretEntity retired = new RetiredSecretEntity();
        retired.setDigest(token.getDigest());
        retired.setTokenId(token.getId());
        retired.setRealmId(realm.getId());
        retired.setRetiredAt(now);
        retired.setKeepUntil(expiresAt != null ? expiresAt : now + RETIRED_KEPT_WITHOUT_EXPIRY);
        store.retire(retired);

        String secret = TokenFormat.generate(policy.tokenPrefix());
        BackingSessions sessions = new BackingSessions(session);
        String oldSession = token.getSessionId();
        token.setDigest(config.digester().digest(secret));
        token.setHint(TokenFormat.hint(secret));
        token.setSessionId(sessions.create(realm, client, live.user(), clientAddress()));
        token.setExpiresAt(expiresAt);
        token.setRotatedAt(now);
        token.setExpiryNoticeDays(null);
        token.setIdleNoticeDays(null);
        sessions.remove(realm, oldSession);
        TokenEvents.rotated(session, realm, token);
        return Optional.of(new CreatedToken(new LiveToken(token, live.user(), null), secret));
    }

    /** The user's tokens that still work or will again once the user is re-enabled, newest first. */
    public List<LiveToken> listLive(UserModel user) {
        long now = Time.currentTimeMillis();
        return store.listByUser(realm.getId(), user.getId()).stream()
                .map(t -> live(t, user, now))
                .flatMap(Optional::stream)
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
        // The first window is the page itself: most pages fill from it, and reading a full
        // window for a page of ten would load and check rows nobody looks at.
        int windowSize = Math.min(READ_WINDOW, first + max);
        for (int offset = 0; page.size() < max; offset += windowSize, windowSize = READ_WINDOW) {
            List<PersonalTokenEntity> batch = store.search(realm.getId(), filter, offset, windowSize);
            for (PersonalTokenEntity token : batch) {
                UserModel user = session.users().getUserById(realm, token.getUserId());
                Optional<LiveToken> live = user == null || !visible.test(user) ? Optional.empty() : live(token, user, now);
                if (live.isEmpty() || skipped++ < first) {
                    continue;
                }
                page.add(live.get());
                if (page.size() == max) {
                    break;
                }
            }
            if (batch.size() < windowSize) {
                break;
            }
        }
        return page;
    }

    /**
     * How many stored tokens match the filter, before liveness and permissions, when at most
     * {@code limit} do; empty when more do.
     */
    public OptionalInt countUpTo(TokenFilter filter, int limit) {
        int rows = store.countUpTo(realm.getId(), filter, limit);
        return rows > limit ? OptionalInt.empty() : OptionalInt.of(rows);
    }

    /** A token of this realm that still stands, whoever owns it; callers check ownership. */
    public Optional<LiveToken> findLive(String id) {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        return store.findById(realm.getId(), id).flatMap(t -> {
            UserModel user = session.users().getUserById(realm, t.getUserId());
            return user == null ? Optional.empty() : live(t, user, Time.currentTimeMillis());
        });
    }

    /** When the token dies if it stays unused from now on; null when nothing ends it. */
    public Long idleExpiresAt(LiveToken token) {
        return IdleExpiry.of(token.entity(), token.offlineSession(), realm, client, policy, Time.currentTimeMillis());
    }

    private Optional<LiveToken> live(PersonalTokenEntity token, UserModel user, long now) {
        TokenLiveness.Verdict verdict = liveness.check(token, user, now);
        return verdict.state().isDead() ? Optional.empty() : Optional.of(new LiveToken(token, user, verdict.offlineSession()));
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

    /**
     * Revokes a token whose secret someone else holds, and tells its user by email: reported
     * by a secret scanner, or an old secret presented after rotation.
     */
    public boolean revokeExposed(PersonalTokenEntity token, RevokeReason reason) {
        if (!revoke(token, reason)) {
            return false;
        }
        Notices.queue(session, reason == RevokeReason.REPORTED_EXPOSED ? NoticeKind.REPORTED : NoticeKind.REUSED,
                token, null, null);
        return true;
    }

    /**
     * Records a use, at most once per {@code last-used-interval-seconds}: most uses fall inside
     * the window and skip the statement, not just the row; the condition inside the UPDATE keeps
     * concurrent uses on several nodes to one write per window.
     */
    public void recordUse(PersonalTokenEntity token) {
        long now = Time.currentTimeMillis();
        long threshold = now - config.lastUsedIntervalSeconds() * 1000L;
        if (token.getLastUsedAt() == null || token.getLastUsedAt() < threshold) {
            store.recordUse(token.getId(), now, threshold, clientAddress());
        }
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

    /**
     * The same over the whole realm, for changes (composite roles, groups) that touch many users.
     * It walks the realm in keyed windows and forgets each window once checked, so a realm of
     * any size is swept in bounded memory.
     */
    public void revokeDeadInRealm() {
        long now = Time.currentTimeMillis();
        String afterId = "";
        List<PersonalTokenEntity> window;
        do {
            window = store.realmWindow(realm.getId(), afterId, READ_WINDOW);
            for (PersonalTokenEntity token : window) {
                UserModel user = session.users().getUserById(realm, token.getUserId());
                if (user != null) {
                    revokeIfDead(token, user, now);
                }
            }
            if (!window.isEmpty()) {
                afterId = window.get(window.size() - 1).getId();
            }
            store.forget(window);
        } while (window.size() == READ_WINDOW);
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
