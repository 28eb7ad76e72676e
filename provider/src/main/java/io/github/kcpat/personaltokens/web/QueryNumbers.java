package io.github.kcpat.personaltokens.web;

import java.util.regex.Pattern;

/** Whole-number query parameters, read strictly: "1.5", "1e3", "+2" or "" are a 400, not a guess. */
public final class QueryNumbers {

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,10}");

    private QueryNumbers() {
    }

    public static int parse(String name, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        long parsed = WHOLE.matcher(value).matches() ? Long.parseLong(value) : Long.MIN_VALUE;
        if (parsed < min || parsed > max) {
            throw ApiError.badRequest(name + " must be a whole number between " + min + " and " + max);
        }
        return (int) parsed;
    }
}
