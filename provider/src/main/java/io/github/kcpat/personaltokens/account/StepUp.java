package io.github.kcpat.personaltokens.account;

import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.web.ApiError;
import org.keycloak.common.util.Time;

/**
 * Fresh authentication for creating or rotating a token (DESIGN §9.4, RFC 9470): a console token
 * stolen from a browser must not turn into a durable credential, so the caller must have signed in
 * recently. The login time is the token's {@code auth_time} (set by browser logins), or else the
 * start of its user session (the password grant sets no auth_time).
 */
final class StepUp {

    private StepUp() {
    }

    static void require(UserAuthenticator.Caller caller, TokenPolicy policy) {
        if (!policy.stepUpRequired()) {
            return;
        }
        Long authTime = caller.token().getAuth_time();
        long authenticatedAt = authTime != null ? authTime
                : caller.userSession() != null ? caller.userSession().getStarted() : 0;
        if (Time.currentTime() - authenticatedAt > policy.maxAuthAgeSeconds()) {
            throw ApiError.insufficientUserAuthentication(policy.maxAuthAgeSeconds());
        }
    }
}
