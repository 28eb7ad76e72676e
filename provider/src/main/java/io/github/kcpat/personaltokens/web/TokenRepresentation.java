package io.github.kcpat.personaltokens.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.kcpat.personaltokens.core.CreatedToken;
import io.github.kcpat.personaltokens.core.LiveToken;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.policy.TokenPolicy;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A token as clients see it. {@code token} (the secret) is filled only in the answer to a create,
 * and is the one field left out when empty.
 * Absent values are sent as explicit nulls, as the contract documents them, whatever Keycloak's
 * own serialiser does by default.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TokenRepresentation(
        String id,
        String name,
        String role,
        List<String> scopes,
        String createdAt,
        String expiresAt,
        String lastUsedAt,
        String assignedBy,
        String hint,
        String userId,
        String username,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

    public static TokenRepresentation of(LiveToken token, TokenPolicy policy) {
        return of(token, policy, null);
    }

    /** The 201 answer to a create, assign or rotate: the only one that holds the secret. */
    public static TokenRepresentation created(CreatedToken created, TokenPolicy policy) {
        return of(created.token(), policy, created.secret());
    }

    private static TokenRepresentation of(LiveToken token, TokenPolicy policy, String secret) {
        PersonalTokenEntity entity = token.entity();
        String username = token.user().getUsername();
        // Scopes shown are those the next exchange grants, which follow the live policy.
        List<String> scopes = policy.role(entity.getRole()).map(RoleScopes::scopes)
                .orElseGet(() -> entity.getScopes() == null || entity.getScopes().isBlank()
                        ? List.of() : Arrays.asList(entity.getScopes().split(" ")));
        return new TokenRepresentation(entity.getId(), entity.getName(), entity.getRole(), scopes,
                iso(entity.getCreatedAt()), iso(entity.getExpiresAt()), iso(entity.getLastUsedAt()),
                entity.getAssignedBy(), entity.getHint(), entity.getUserId(), username, secret);
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    @Override
    public String toString() {
        return "TokenRepresentation[" + id + "]";
    }
}
