package io.github.kcpat.personaltokens.policy;

import java.util.List;

/** A realm role that may own tokens, and the OAuth scopes its tokens carry. */
public record RoleScopes(String role, List<String> scopes) {

    public RoleScopes {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public String scopeString() {
        return String.join(" ", scopes);
    }
}
