package io.github.kcpat.personaltokens.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * The per-realm rules for personal tokens. {@code roles} runs from most to least privileged, which
 * is how the default role of a new token is chosen.
 */
public record TokenPolicy(
        List<RoleScopes> roles,
        Integer defaultExpiresInDays,
        Integer maxExpiresInDays,
        Boolean allowNonExpiring,
        Integer maxTokensPerUser,
        String tokenPrefix,
        Integer maxAuthAgeSeconds,
        List<Integer> expiryNoticeDays,
        Integer revokeAfterDaysUnused) {

    public static final TokenPolicy DEFAULT = new TokenPolicy(
            List.of(new RoleScopes("admin", List.of("api:read", "api:write", "api:admin")),
                    new RoleScopes("user", List.of("api:read", "api:write"))),
            90, 365, false, 20, "kcpat_", 1800, List.of(7, 1), 0);

    public TokenPolicy {
        roles = roles == null ? null : List.copyOf(roles);
        expiryNoticeDays = expiryNoticeDays == null ? null : List.copyOf(expiryNoticeDays);
    }

    /** The policy shape of the first release; the later fields take their defaults. */
    public TokenPolicy(List<RoleScopes> roles, Integer defaultExpiresInDays, Integer maxExpiresInDays,
                       Boolean allowNonExpiring, Integer maxTokensPerUser, String tokenPrefix) {
        this(roles, defaultExpiresInDays, maxExpiresInDays, allowNonExpiring, maxTokensPerUser, tokenPrefix,
                null, null, null);
    }

    public Optional<RoleScopes> role(String name) {
        return roles.stream().filter(r -> r.role().equals(name)).findFirst();
    }

    /** The longest lifetime a token of this role may have: the role's own cap, if tighter. */
    public int maxExpiresInDays(RoleScopes role) {
        return role.maxExpiresInDays() == null ? maxExpiresInDays : Math.min(maxExpiresInDays, role.maxExpiresInDays());
    }

    /** Whether a token of this role may never expire: a role with its own cap must expire. */
    public boolean allowsNonExpiring(RoleScopes role) {
        return allowNonExpiring && role.maxExpiresInDays() == null;
    }

    @JsonIgnore
    public boolean stepUpRequired() {
        return maxAuthAgeSeconds > 0;
    }

    /**
     * Fills every field the caller left out from the default, so a partial PUT stays valid and a
     * policy stored by an earlier release reads with the new fields' defaults.
     */
    public TokenPolicy withDefaultsFrom(TokenPolicy defaults) {
        return new TokenPolicy(
                roles != null ? roles : defaults.roles,
                defaultExpiresInDays != null ? defaultExpiresInDays : defaults.defaultExpiresInDays,
                maxExpiresInDays != null ? maxExpiresInDays : defaults.maxExpiresInDays,
                allowNonExpiring != null ? allowNonExpiring : defaults.allowNonExpiring,
                maxTokensPerUser != null ? maxTokensPerUser : defaults.maxTokensPerUser,
                tokenPrefix != null ? tokenPrefix : defaults.tokenPrefix,
                maxAuthAgeSeconds != null ? maxAuthAgeSeconds : defaults.maxAuthAgeSeconds,
                expiryNoticeDays != null ? expiryNoticeDays : defaults.expiryNoticeDays,
                revokeAfterDaysUnused != null ? revokeAfterDaysUnused : defaults.revokeAfterDaysUnused);
    }
}
