package io.github.kcpat.personaltokens.storage;

import java.util.Collection;

/** Optional narrowing of a token search; a null field does not filter. */
public record TokenFilter(Collection<String> userIds, String role, String nameContains) {

    public static final TokenFilter NONE = new TokenFilter(null, null, null);
}
