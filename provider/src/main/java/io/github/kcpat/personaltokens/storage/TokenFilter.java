package io.github.kcpat.personaltokens.storage;

import java.util.Collection;

/**
 * Optional narrowing of a token search; a null field does not filter. {@code search} matches the
 * token name, or any of {@code searchUserIds} (the users whose username matched the same text).
 * {@code unusedSince} keeps tokens whose last use, or creation if never used, is at or before it.
 */
public record TokenFilter(String userId, String role, String search, Collection<String> searchUserIds, Long unusedSince) {

    public static final TokenFilter ALL = new TokenFilter(null, null, null, null, null);
}
