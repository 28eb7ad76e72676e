package io.github.kcpat.personaltokens.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A realm role that may own tokens, the OAuth scopes its tokens carry, and the optional rules
 * that tighten the policy for that role alone.
 */
public record RoleScopes(
        String role,
        List<String> scopes,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxExpiresInDays,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean requireAllowedNetworks) {

    public RoleScopes {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public RoleScopes(String role, List<String> scopes) {
        this(role, scopes, null, null);
    }

    public String scopeString() {
        return String.join(" ", scopes);
    }

    @JsonIgnore
    public boolean networksRequired() {
        return Boolean.TRUE.equals(requireAllowedNetworks);
    }
}
