package io.github.kcpat.personaltokens.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.kcpat.personaltokens.core.CreatedToken;
import io.github.kcpat.personaltokens.core.LiveToken;
import io.github.kcpat.personaltokens.core.PersonalTokenService;
import io.github.kcpat.personaltokens.policy.AllowedNetworks;
import io.github.kcpat.personaltokens.policy.RoleScopes;
import io.github.kcpat.personaltokens.storage.PersonalTokenEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A token as clients see it. {@code token} (the secret) is filled only in the answer to a create,
 * assign or rotate, and is the one field left out when empty. Absent values are sent as explicit
 * nulls, as the contract documents them, whatever Keycloak's own serialiser does by default.
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
        String lastUsedIp,
        List<String> allowedNetworks,
        String rotatedAt,
        String idleExpiresAt,
        String assignedBy,
        String hint,
        String userId,
        String username,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

    public static TokenRepresentation of(LiveToken token, PersonalTokenService tokens) {
        return of(token, tokens, null);
    }

    /** The answer to a create, assign or rotate: the only one that holds the secret. */
    public static TokenRepresentation created(CreatedToken created, PersonalTokenService tokens) {
        return of(created.token(), tokens, created.secret());
    }

    private static TokenRepresentation of(LiveToken token, PersonalTokenService tokens, String secret) {
        PersonalTokenEntity entity = token.entity();
        // Scopes shown are those the next exchange grants, which follow the live policy.
        List<String> scopes = tokens.policy().role(entity.getRole()).map(RoleScopes::scopes)
                .orElseGet(() -> entity.getScopes() == null || entity.getScopes().isBlank()
                        ? List.of() : Arrays.asList(entity.getScopes().split(" ")));
        return new TokenRepresentation(entity.getId(), entity.getName(), entity.getRole(), scopes,
                iso(entity.getCreatedAt()), iso(entity.getExpiresAt()), iso(entity.getLastUsedAt()),
                entity.getLastUsedIp(), AllowedNetworks.fromStored(entity.getAllowedNetworks()).entries(),
                iso(entity.getRotatedAt()), iso(tokens.idleExpiresAt(token)),
                entity.getAssignedBy(), entity.getHint(), entity.getUserId(), token.user().getUsername(), secret);
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    @Override
    public String toString() {
        return "TokenRepresentation[" + id + "]";
    }
}
