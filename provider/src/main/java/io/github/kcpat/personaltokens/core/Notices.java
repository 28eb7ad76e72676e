package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.storage.NoticeEntity;
import io.github.kcpat.personaltokens.storage.NoticeStore;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Queues emails in the outbox, inside the transaction of whatever caused them, so that a notice
 * exists exactly when its cause was committed. The scheduled task sends them; no request waits for
 * an SMTP server.
 */
final class Notices {

    private Notices() {
    }

    static void queue(KeycloakSession session, NoticeKind kind, PersonalTokenEntity token, Long deadline, Integer thresholdDays) {
        NoticeEntity notice = new NoticeEntity();
        notice.setId(KeycloakModelUtils.generateId());
        notice.setRealmId(token.getRealmId());
        notice.setUserId(token.getUserId());
        notice.setTokenId(token.getId());
        notice.setKind(kind.name());
        notice.setTokenName(token.getName());
        notice.setTokenHint(token.getHint());
        notice.setDeadline(deadline);
        notice.setThresholdDays(thresholdDays);
        notice.setCreatedAt(Time.currentTimeMillis());
        new NoticeStore(session).add(notice);
    }
}
