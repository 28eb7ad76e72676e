package io.github.kcpat.personaltokens.admin;

import io.github.kcpat.personaltokens.storage.TokenFilter;
import io.github.kcpat.personaltokens.web.ApiError;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Resolves the users an owner request names: by id, by username, or by a search text. */
final class TokenOwners {

    /** A search also matches tokens of users whose name matches; this caps that user lookup. */
    private static final int MAX_SEARCH_USERS = 500;
    private static final int MAX_ID_LENGTH = 255;

    private final KeycloakSession session;
    private final RealmModel realm;

    TokenOwners(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    UserModel byId(String id) {
        UserModel user = id == null || id.length() > MAX_ID_LENGTH ? null : session.users().getUserById(realm, id);
        if (user == null) {
            throw ApiError.notFound("no such user");
        }
        return user;
    }

    /** The assignment's target, named by {@code userId} or else by {@code username}. */
    UserModel target(String userId, String username) {
        if (userId != null) {
            return byId(userId);
        }
        if (username == null) {
            throw ApiError.badRequest("userId or username is required");
        }
        UserModel user = session.users().getUserByUsername(realm, username);
        if (user == null) {
            throw ApiError.notFound("no such user");
        }
        return user;
    }

    TokenFilter filter(String userId, String role, String search, Integer unusedForDays) {
        String text = search == null || search.isBlank() ? null : search.strip();
        Long unusedSince = unusedForDays == null ? null : Time.currentTimeMillis() - TimeUnit.DAYS.toMillis(unusedForDays);
        return new TokenFilter(userId, role, text, text == null ? null : usersMatching(text), unusedSince);
    }

    private Set<String> usersMatching(String text) {
        return session.users()
                .searchForUserStream(realm, Map.of(UserModel.SEARCH, text), 0, MAX_SEARCH_USERS)
                .map(UserModel::getId).collect(Collectors.toSet());
    }
}
