package io.github.kcpat.personaltokens.storage;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The email outbox; joins the Keycloak transaction of the session like the token store. */
public final class NoticeStore {

    private final EntityManager em;

    public NoticeStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public void add(NoticeEntity notice) {
        em.persist(notice);
    }

    /** Notices nobody is sending right now, oldest first. */
    public List<NoticeEntity> due(long now, int limit) {
        return em.createNamedQuery("kcpat.notice.due", NoticeEntity.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Takes the notice for one sender until {@code until}; false when another node has it. */
    public boolean claim(String id, long now, long until) {
        return em.createNamedQuery("kcpat.notice.claim")
                .setParameter("id", id)
                .setParameter("now", now)
                .setParameter("until", until)
                .executeUpdate() == 1;
    }

    public void release(String id) {
        em.createNamedQuery("kcpat.notice.release").setParameter("id", id).executeUpdate();
    }

    public void remove(String id) {
        em.createNamedQuery("kcpat.notice.delete").setParameter("id", id).executeUpdate();
    }
}
