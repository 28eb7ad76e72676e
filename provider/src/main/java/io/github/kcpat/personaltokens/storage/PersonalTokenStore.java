package io.github.kcpat.personaltokens.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.jpa.entities.UserEntity;

/** All database access for personal tokens; joins the Keycloak transaction of the session. */
public final class PersonalTokenStore {

    private final EntityManager em;

    public PersonalTokenStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public void add(PersonalTokenEntity token) {
        em.persist(token);
        // Surface a digest or id collision inside this request, not at commit time.
        em.flush();
    }

    public Optional<PersonalTokenEntity> findByDigest(String digest) {
        return unique(em.createNamedQuery("kcpat.byDigest", PersonalTokenEntity.class)
                .setParameter("digest", digest));
    }

    public Optional<PersonalTokenEntity> findById(String realmId, String id) {
        return unique(em.createNamedQuery("kcpat.byId", PersonalTokenEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("id", id));
    }

    /**
     * A lookup by a unique key. A plain list, not a result stream: Hibernate streams through a
     * scrollable cursor, which the profile of the exchange showed costing as much as the query.
     */
    private static <T> Optional<T> unique(TypedQuery<T> query) {
        return query.getResultList().stream().findFirst();
    }

    /** The realms that hold any token, so that the scheduled task never loads the others. */
    public List<String> realmsWithTokens() {
        return em.createNamedQuery("kcpat.realmsWithTokens", String.class).getResultList();
    }

    public long countByUser(String realmId, String userId) {
        return em.createNamedQuery("kcpat.countByUser", Long.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getSingleResult();
    }

    public List<PersonalTokenEntity> findByName(String realmId, String userId, String name) {
        return em.createNamedQuery("kcpat.byUserAndName", PersonalTokenEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setParameter("name", name)
                .getResultList();
    }

    /**
     * Serialises the token writes of one user until the transaction ends, on every node: the
     * per-user limit and the unique name are check-then-insert rules. It locks the user's own
     * row of Keycloak's user table, which every user stored by Keycloak has; a user of a
     * federation provider without import has none, and then only the database's own
     * constraints apply. Returns whether a lock was taken.
     */
    public boolean lockUser(String userId) {
        return em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE) != null;
    }

    /**
     * Re-reads the token's row under a write lock, so that two rotations of one token run one
     * after the other and the second sees the first one's secret. False when the row is gone.
     */
    public boolean lockAndRefresh(PersonalTokenEntity token) {
        try {
            em.refresh(token, LockModeType.PESSIMISTIC_WRITE);
            return true;
        } catch (EntityNotFoundException e) {
            return false;
        }
    }

    public List<PersonalTokenEntity> listByUser(String realmId, String userId) {
        return em.createNamedQuery("kcpat.byUser", PersonalTokenEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultList();
    }

    /**
     * The realm's tokens in id order after {@code afterId} (empty string: from the start). Keyed
     * windows cost the same at the end of a large realm as at its start, unlike offsets.
     */
    public List<PersonalTokenEntity> realmWindow(String realmId, String afterId, int limit) {
        return em.createNamedQuery("kcpat.realmAfterId", PersonalTokenEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("afterId", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Lets go of tokens a long walk has finished with, so that the persistence context of one
     * transaction does not grow with the realm. Only for unmodified rows: changes are written
     * by queries, never through these instances.
     */
    public void forget(List<PersonalTokenEntity> tokens) {
        tokens.forEach(em::detach);
    }

    /**
     * The realm's tokens, newest first, narrowed by the filter. Callers filter further (liveness,
     * permissions), so they read in windows and page themselves.
     */
    public List<PersonalTokenEntity> search(String realmId, TokenFilter filter, int offset, int limit) {
        // Newest first, as "createdAt desc, id". The realm id leads the ORDER BY (it is constant
        // here) so that the order starts with the columns of IDX_KCPAT_TOKEN_REALM_CREATED: with
        // that and the range in filtered(), H2 reads a page off the index instead of sorting every
        // row of the realm (the growth benchmark in BENCHMARKS.md).
        TypedQuery<PersonalTokenEntity> query = filtered("select t", realmId, filter,
                " order by t.realmId desc, t.createdAt desc, t.id", PersonalTokenEntity.class);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * How many rows the filter matches, before any liveness or permission filtering, counted only
     * up to {@code limit + 1}: a count(*) reads every matching row of the realm, which at 100,000
     * tokens was most of the owner list's time. Past the limit the answer means "more than limit".
     */
    public int countUpTo(String realmId, TokenFilter filter, int limit) {
        return filtered("select t.id", realmId, filter, "", String.class).setMaxResults(limit + 1).getResultList().size();
    }

    private <T> TypedQuery<T> filtered(String select, String realmId, TokenFilter filter, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" from PersonalTokenEntity t where t.realmId = :realmId");
        if (filter.userId() != null) {
            jpql.append(" and t.userId = :userId");
        }
        if (filter.role() != null) {
            jpql.append(" and t.role = :role");
        }
        boolean byUsers = filter.searchUserIds() != null && !filter.searchUserIds().isEmpty();
        if (filter.search() != null) {
            jpql.append(" and (lower(t.name) like :name escape '\\'").append(byUsers ? " or t.userId in :searchUserIds)" : ")");
        }
        // A range on CREATED_AT makes H2 choose the (REALM_ID, CREATED_AT) index over the
        // (REALM_ID, USER_ID) one, which it otherwise prefers and then sorts the whole realm by hand.
        // "unused since" implies "created by then" (a use comes after the creation), so that filter
        // starts the range where the first match can be; without it the range is every row.
        jpql.append(filter.unusedSince() != null ? " and t.createdAt <= :unusedSince" : " and t.createdAt >= 0");
        if (filter.unusedSince() != null) {
            jpql.append(" and (t.lastUsedAt is null or t.lastUsedAt <= :unusedSince)");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type).setParameter("realmId", realmId);
        if (filter.userId() != null) {
            query.setParameter("userId", filter.userId());
        }
        if (filter.role() != null) {
            query.setParameter("role", filter.role());
        }
        if (filter.unusedSince() != null) {
            query.setParameter("unusedSince", filter.unusedSince());
        }
        if (filter.search() != null) {
            query.setParameter("name", "%" + escapeLike(filter.search().toLowerCase(Locale.ROOT)) + "%");
            if (byUsers) {
                query.setParameter("searchUserIds", new ArrayList<>(filter.searchUserIds()));
            }
        }
        return query;
    }

    /** Tokens expiring within (now, until] whose notice for {@code smallest} days was not queued. */
    public List<PersonalTokenEntity> expiringWithin(String realmId, long now, long until, int smallest, int limit) {
        return em.createNamedQuery("kcpat.expiringWithin", PersonalTokenEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("now", now)
                .setParameter("until", until)
                .setParameter("smallest", smallest)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Tokens whose last use, rotation and creation all lie at or before the cutoff, and whose
     * idle notice for {@code smallest} days was not queued (pass {@code Integer.MAX_VALUE} to
     * ignore notices, as the inactivity revoke does).
     */
    public List<PersonalTokenEntity> inactiveSince(String realmId, long cutoff, int smallest, int limit) {
        return em.createNamedQuery("kcpat.inactiveSince", PersonalTokenEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("cutoff", cutoff)
                .setParameter("smallest", smallest)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Records that the expiry notice for this threshold is queued; false if it already was. */
    public boolean markExpiryNotice(String id, int days) {
        return em.createNamedQuery("kcpat.markExpiryNotice").setParameter("id", id).setParameter("days", days).executeUpdate() == 1;
    }

    public boolean markIdleNotice(String id, int days) {
        return em.createNamedQuery("kcpat.markIdleNotice").setParameter("id", id).setParameter("days", days).executeUpdate() == 1;
    }

    public List<PersonalTokenEntity> expired(long now, int limit) {
        return em.createNamedQuery("kcpat.expired", PersonalTokenEntity.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Deletes the token's row; false when it was already gone. A conditional DELETE rather than
     * {@code em.remove}: two requests revoking one token at once must not fail on a stale entity.
     */
    public boolean remove(PersonalTokenEntity token) {
        int deleted = em.createNamedQuery("kcpat.deleteById")
                .setParameter("id", token.getId())
                .executeUpdate();
        em.createNamedQuery("kcpat.retired.deleteByToken").setParameter("tokenId", token.getId()).executeUpdate();
        if (em.contains(token)) {
            em.detach(token);
        }
        return deleted == 1;
    }

    public int removeByUser(String realmId, String userId) {
        em.createNamedQuery("kcpat.retired.deleteByUser")
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
        em.createNamedQuery("kcpat.notice.deleteByUser")
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
        return em.createNamedQuery("kcpat.deleteByUser")
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    public int removeByRealm(String realmId) {
        em.createNamedQuery("kcpat.retired.deleteByRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("kcpat.notice.deleteByRealm").setParameter("realmId", realmId).executeUpdate();
        return em.createNamedQuery("kcpat.deleteByRealm")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    /**
     * Records a use unless one was recorded since {@code threshold}. The condition lives in the
     * UPDATE itself so that concurrent exchanges on several nodes write at most once per window.
     */
    public void recordUse(String id, long now, long threshold, String ip) {
        em.createNamedQuery("kcpat.touch")
                .setParameter("id", id)
                .setParameter("now", now)
                .setParameter("threshold", threshold)
                .setParameter("ip", ip)
                .executeUpdate();
    }

    // ---- retired secrets (rotation)

    public void retire(RetiredSecretEntity retired) {
        em.persist(retired);
    }

    public Optional<RetiredSecretEntity> findRetired(String digest) {
        return Optional.ofNullable(em.find(RetiredSecretEntity.class, digest));
    }

    public int removeOutdatedRetired(long now) {
        return em.createNamedQuery("kcpat.retired.deleteOutdated").setParameter("now", now).executeUpdate();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
