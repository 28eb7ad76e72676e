package io.github.kcpat.personaltokens.storage;

import java.util.Collection;

/**
 * Optional narrowing of a token search; a null field does not filter. {@code search} matches the
 * token name, or any of {@code searchUserIds} (the users whose username matched the same text).
 */
public record TokenFilter(String userId, String role, String search, Collection<String> searchUserIds) {

    public static final TokenFilter ALL = new TokenFilter(null, null, null, null);
}
