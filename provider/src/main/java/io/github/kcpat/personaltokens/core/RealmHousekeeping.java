package io.github.kcpat.personaltokens.core;

import io.github.kcpat.personaltokens.policy.NoticeThresholds;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import io.github.kcpat.personaltokens.storage.PersonalTokenStore;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.SessionExpirationUtils;

/**
 * The scheduled task's work in one realm (DESIGN §10.3, §10.4): revoke tokens unused for too
 * long, and queue the expiry and inactivity notices that came due. Each notice is queued once per
 * token and threshold by a conditional UPDATE, whichever node runs the task.
 */
public final class RealmHousekeeping {

    private static final int BATCH = 500;
    private static final String CLIENT_OFFLINE_IDLE = "client.offline.session.idle.timeout";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PersonalTokenService tokens;
    private final PersonalTokenStore store;
    private final TokenPolicy policy;

    public RealmHousekeeping(KeycloakSession session, RealmModel realm, PersonalTokensConfig config) {
        this.session = session;
        this.realm = realm;
        this.tokens = new PersonalTokenService(session, realm, config);
        this.store = new PersonalTokenStore(session);
        this.policy = tokens.policy();
    }

    /** Revokes, with the reason {@code unused}, tokens idle for the policy's revokeAfterDaysUnused. */
    public int revokeUnused(long now) {
        if (policy.revokeAfterDaysUnused() == 0) {
            return 0;
        }
        long cutoff = now - TimeUnit.DAYS.toMillis(policy.revokeAfterDaysUnused());
        List<PersonalTokenEntity> unused = store.inactiveSince(realm.getId(), cutoff, Integer.MAX_VALUE, BATCH);
        return (int) unused.stream().filter(t -> tokens.revoke(t, RevokeReason.UNUSED)).count();
    }

    public int queueExpiryNotices(long now) {
        List<Integer> thresholds = policy.expiryNoticeDays();
        if (thresholds.isEmpty()) {
            return 0;
        }
        long until = now + TimeUnit.DAYS.toMillis(NoticeThresholds.largest(thresholds));
        int queued = 0;
        for (PersonalTokenEntity token : store.expiringWithin(realm.getId(), now, until, NoticeThresholds.smallest(thresholds), BATCH)) {
            OptionalInt days = NoticeThresholds.nearestPassed(thresholds, token.getExpiresAt() - now);
            if (days.isPresent() && stands(token, now) && store.markExpiryNotice(token.getId(), days.getAsInt())) {
                Notices.queue(session, NoticeKind.EXPIRY, token, token.getExpiresAt(), days.getAsInt());
                queued++;
            }
        }
        return queued;
    }

    /**
     * Notices for tokens that will die unused before they expire: the offline session's idle
     * limit or the inactivity revoke comes first. Only tokens idle long enough to be near that
     * limit are read; their exact deadline needs their session.
     */
    public int queueIdleNotices(long now) {
        List<Integer> thresholds = policy.expiryNoticeDays();
        long idle = shortestIdleMillis();
        if (thresholds.isEmpty() || idle == 0) {
            return 0;
        }
        long cutoff = now + TimeUnit.DAYS.toMillis(NoticeThresholds.largest(thresholds)) - idle;
        int queued = 0;
        for (PersonalTokenEntity token : store.inactiveSince(realm.getId(), cutoff, NoticeThresholds.smallest(thresholds), BATCH)) {
            UserModel user = session.users().getUserById(realm, token.getUserId());
            if (user == null) {
                continue;
            }
            TokenLiveness.Verdict verdict = tokens.revokeIfDead(token, user, now);
            Long deadline = verdict.state().isDead() ? null
                    : IdleExpiry.of(token, verdict.offlineSession(), realm, tokens.client(), policy, now);
            if (deadline == null || token.getExpiresAt() != null && deadline >= token.getExpiresAt()) {
                continue;
            }
            OptionalInt days = NoticeThresholds.nearestPassed(thresholds, deadline - now);
            if (days.isPresent() && store.markIdleNotice(token.getId(), days.getAsInt())) {
                Notices.queue(session, NoticeKind.IDLE, token, deadline, days.getAsInt());
                queued++;
            }
        }
        return queued;
    }

    private boolean stands(PersonalTokenEntity token, long now) {
        UserModel user = session.users().getUserById(realm, token.getUserId());
        return user != null && !tokens.revokeIfDead(token, user, now).state().isDead();
    }

    private static int seconds(String attribute) {
        try {
            return attribute == null || attribute.isBlank() ? 0 : Integer.parseInt(attribute.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The shortest time an unused token can live: offline idle (realm or client) or the inactivity revoke. */
    private long shortestIdleMillis() {
        ClientModel client = tokens.client();
        String override = client.getAttribute(CLIENT_OFFLINE_IDLE);
        return IntStream.of(
                        SessionExpirationUtils.getOfflineSessionIdleTimeout(realm),
                        realm.getClientOfflineSessionIdleTimeout(),
                        seconds(override),
                        policy.revokeAfterDaysUnused() * 86_400)
                .filter(seconds -> seconds > 0)
                .mapToLong(TimeUnit.SECONDS::toMillis)
                .min().orElse(0);
    }
}
