package io.github.kcpat.personaltokens.core;

/**
 * What a caller asks for. {@code expiresInDays} and {@code role} may be null for "policy default";
 * 0 days means "never expires".
 */
public record NewToken(String name, Integer expiresInDays, String role) {
}
