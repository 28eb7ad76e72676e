package io.github.kcpat.personaltokens.core;

import java.util.List;

/**
 * What a caller asks for. {@code expiresInDays} and {@code role} may be null for "policy default";
 * 0 days means "never expires". {@code allowedNetworks} null or empty means anywhere.
 */
public record NewToken(String name, Integer expiresInDays, String role, List<String> allowedNetworks) {

    public NewToken {
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
    }
}
