package io.github.kcpat.personaltokens.token;

import io.github.kcpat.personaltokens.policy.PolicyStore;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.session.BackingSessions;
import io.github.kcpat.personaltokens.session.PersonalTokensClient;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import io.github.kcpat.personaltokens.storage.TokenFilter;
import io.github.kcpat.personaltokens.token.TokenRequestException.Kind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Creating, finding and revoking tokens, shared by the user API and the owner API. */
public final class PersonalTokenService {

    public static final int MAX_NAME_LENGTH = 100;
    private static final int SWEEP_WINDOW = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TokenDigester digester;
    private final PersonalTokenStore store;
    private final ClientModel client;
    private final TokenPolicy policy;
    private final TokenLiveness liveness;

    public PersonalTokenService(KeycloakSession session, RealmModel realm, TokenDigester digester) {
        this.session = session;
        this.realm = realm;
        this.digester = digester;
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

    public TokenLiveness liveness() {
        return liveness;
    }

    /** The policy roles this user holds, most privileged first. */
    public List<RoleScopes> rolesHeldBy(UserModel user) {
        return policy.roles().stream().filter(r -> liveness.holdsRole(user, r.role())).toList();
    }

    /**
     * @param assigner the owner who assigns the token, or null when users create their own
     */
    public CreatedToken create(UserModel owner, NewToken request, UserModel assigner, String ipAddress) {
        String name = validName(request.name());
        long now = Time.currentTimeMillis();
        Long expiresAt = expiry(request.expiresInDays(), now);
        RoleScopes role = role(owner, request.role(), assigner == null);

        List<PersonalTokenEntity> live = listLive(owner);
        if (live.size() >= policy.maxTokensPerUser()) {
            throw new TokenRequestException(Kind.CONFLICT,
                    "the limit of " + policy.maxTokensPerUser() + " active tokens per user is reached");
        }
        if (live.stream().anyMatch(t -> t.getName().equals(name))) {
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
        token.setDigest(digester.digest(secret));
        token.setHint(TokenFormat.hint(secret));
        token.setCreatedAt(now);
        token.setExpiresAt(expiresAt);
        if (assigner != null) {
            token.setCreatedBy(assigner.getId());
            token.setAssignedBy(assigner.getUsername());
        }
        token.setSessionId(new BackingSessions(session).create(realm, client, owner, ipAddress));
        store.add(token);
        return new CreatedToken(token, secret);
    }

    /** The user's tokens that still work or will again once the user is re-enabled, newest first. */
    public List<PersonalTokenEntity> listLive(UserModel user) {
        long now = Time.currentTimeMillis();
        return store.listByUser(realm.getId(), user.getId()).stream()
                .filter(t -> !liveness.check(t, user, now).state().isDead())
                .toList();
    }

    public Optional<PersonalTokenEntity> findLive(String id) {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        return store.findById(realm.getId(), id).filter(t -> {
            UserModel user = session.users().getUserById(realm, t.getUserId());
            return user != null && !liveness.check(t, user, Time.currentTimeMillis()).state().isDead();
        });
    }

    public void revoke(PersonalTokenEntity token) {
        new BackingSessions(session).remove(realm, token.getSessionId());
        store.remove(token);
    }

    /** Revokes every token of the user, live or not; returns how many rows went. */
    public List<PersonalTokenEntity> revokeAll(UserModel user) {
        List<PersonalTokenEntity> tokens = store.listByUser(realm.getId(), user.getId());
        tokens.forEach(this::revoke);
        return tokens;
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
            revoke(token);
            TokenEvents.revoked(session, realm, token, verdict.state().reason());
        }
        return verdict;
    }

    /** The same over the whole realm, for changes (composite roles, groups) that touch many users. */
    public void revokeDeadInRealm() {
        long now = Time.currentTimeMillis();
        List<PersonalTokenEntity> all = new java.util.ArrayList<>();
        List<PersonalTokenEntity> batch;
        do {
            batch = store.search(realm.getId(), TokenFilter.ALL, all.size(), SWEEP_WINDOW);
            all.addAll(batch);
        } while (batch.size() == SWEEP_WINDOW);
        for (PersonalTokenEntity token : all) {
            UserModel user = session.users().getUserById(realm, token.getUserId());
            if (user != null) {
                revokeIfDead(token, user, now);
            }
        }
    }

    private static String validName(String raw) {
        if (raw == null) {
            throw new TokenRequestException(Kind.INVALID, "name is required");
        }
        String name = raw.strip();
        if (name.isEmpty()) {
            throw new TokenRequestException(Kind.INVALID, "name must not be empty");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new TokenRequestException(Kind.INVALID, "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        boolean hasControl = name.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT && c != 0x200D
                || Character.getType(c) == Character.SURROGATE);
        if (hasControl) {
            throw new TokenRequestException(Kind.INVALID, "name must not contain control characters");
        }
        return name;
    }

    private Long expiry(Integer requestedDays, long now) {
        int days = requestedDays != null ? requestedDays : policy.defaultExpiresInDays();
        if (days < 0) {
            throw new TokenRequestException(Kind.INVALID, "expiresInDays must not be negative");
        }
        if (days == 0) {
            if (!policy.allowNonExpiring()) {
                throw new TokenRequestException(Kind.INVALID, "tokens that never expire are not allowed in this realm");
            }
            return null;
        }
        if (days > policy.maxExpiresInDays()) {
            throw new TokenRequestException(Kind.INVALID,
                    "expiresInDays must be at most " + policy.maxExpiresInDays());
        }
        return now + TimeUnit.DAYS.toMillis(days);
    }

    private RoleScopes role(UserModel owner, String requested, boolean ownerIsCaller) {
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

    static boolean isUuid(String id) {
        return id != null && id.length() == 36 && id.matches("[0-9a-fA-F-]{36}");
    }
}
