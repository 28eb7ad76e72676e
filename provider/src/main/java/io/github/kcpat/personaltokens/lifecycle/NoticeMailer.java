package io.github.kcpat.personaltokens.lifecycle;

import io.github.kcpat.personaltokens.core.NoticeKind;
import io.github.kcpat.personaltokens.keycloak.AccountLinks;
import io.github.kcpat.personaltokens.storage.NoticeEntity;
import io.github.kcpat.personaltokens.storage.NoticeStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Sends the queued notices through the realm's SMTP settings and Keycloak's email templates. A
 * notice is deleted only after the SMTP server accepted it; a failure leaves it for the next run.
 * Runs only in the scheduled task, so no request ever waits for an SMTP server.
 */
final class NoticeMailer {

    private static final Logger LOG = Logger.getLogger(NoticeMailer.class);
    private static final int BATCH = 100;
    /** Long enough to cover a slow SMTP server; a crashed sender's notices come back after it. */
    private static final long CLAIM_MILLIS = TimeUnit.MINUTES.toMillis(10);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final KeycloakSession session;
    private final NoticeStore store;

    NoticeMailer(KeycloakSession session) {
        this.session = session;
        this.store = new NoticeStore(session);
    }

    int deliver(long now) {
        int sent = 0;
        for (NoticeEntity notice : store.due(now, BATCH)) {
            if (store.claim(notice.getId(), now, now + CLAIM_MILLIS) && deliverOne(notice)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliverOne(NoticeEntity notice) {
        RealmModel realm = session.realms().getRealm(notice.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, notice.getUserId());
        if (user == null || user.getEmail() == null || user.getEmail().isBlank() || !hasSmtp(realm)) {
            LOG.debugf("Personal token notice %s not sent: no user, email address or SMTP server", notice.getId());
            store.remove(notice.getId());
            return false;
        }
        session.getContext().setRealm(realm);
        NoticeKind kind = NoticeKind.valueOf(notice.getKind());
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(kind.template() + ".subject", List.of(), kind.template() + ".ftl", attributes(notice, realm, user));
            store.remove(notice.getId());
            LOG.debugf("Sent personal token notice %s (%s) to user %s", notice.getId(), kind, user.getId());
            return true;
        } catch (EmailException | RuntimeException e) {
            LOG.warnf("Personal token notice %s to user %s failed; retrying at the next run: %s", notice.getId(), user.getId(), e.getMessage());
            store.release(notice.getId());
            return false;
        }
    }

    /** Names are user input: the HTML templates print them with FreeMarker's HTML escaping. */
    private Map<String, Object> attributes(NoticeEntity notice, RealmModel realm, UserModel user) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("tokenName", notice.getTokenName());
        attributes.put("tokenHint", notice.getTokenHint());
        attributes.put("accountUrl", AccountLinks.personalTokensPage(realm));
        if (notice.getDeadline() != null) {
            Instant deadline = Instant.ofEpochMilli(notice.getDeadline());
            attributes.put("deadline", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(realm, user))
                    .withZone(ZoneOffset.UTC).format(deadline));
            attributes.put("deadlineUtc", UTC.format(deadline));
        }
        if (notice.getThresholdDays() != null) {
            attributes.put("days", notice.getThresholdDays());
        }
        return attributes;
    }

    private static Locale locale(RealmModel realm, UserModel user) {
        String tag = user.getFirstAttribute(UserModel.LOCALE);
        if (tag == null && realm.isInternationalizationEnabled()) {
            tag = realm.getDefaultLocale();
        }
        return tag == null || tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag);
    }

    private static boolean hasSmtp(RealmModel realm) {
        String host = realm.getSmtpConfig() == null ? null : realm.getSmtpConfig().get("host");
        return host != null && !host.isBlank();
    }
}
