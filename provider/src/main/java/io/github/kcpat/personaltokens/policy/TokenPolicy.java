package io.github.kcpat.personaltokens.policy;

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
        String tokenPrefix) {

    public static final TokenPolicy DEFAULT = new TokenPolicy(
            List.of(new RoleScopes("admin", List.of("api:read", "api:write", "api:admin")),
                    new RoleScopes("user", List.of("api:read", "api:write"))),
            90, 365, false, 20, "kcpat_");

    public TokenPolicy {
        roles = roles == null ? null : List.copyOf(roles);
    }

    public Optional<RoleScopes> role(String name) {
        return roles.stream().filter(r -> r.role().equals(name)).findFirst();
    }

    /** Fills every field the caller left out from the default, so a partial PUT stays valid. */
    public TokenPolicy withDefaultsFrom(TokenPolicy defaults) {
        return new TokenPolicy(
                roles != null ? roles : defaults.roles,
                defaultExpiresInDays != null ? defaultExpiresInDays : defaults.defaultExpiresInDays,
                maxExpiresInDays != null ? maxExpiresInDays : defaults.maxExpiresInDays,
                allowNonExpiring != null ? allowNonExpiring : defaults.allowNonExpiring,
                maxTokensPerUser != null ? maxTokensPerUser : defaults.maxTokensPerUser,
                tokenPrefix != null ? tokenPrefix : defaults.tokenPrefix);
    }
}
