package io.github.kcpat.personaltokens.policy;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Which expiry notice is due (DESIGN §10.3): of the thresholds a deadline has come within, the
 * nearest one, so that a token made three days before its expiry gets the 7-day notice and one
 * made an hour before gets the 1-day notice, never both at once.
 */
public final class NoticeThresholds {

    private NoticeThresholds() {
    }

    /** The smallest threshold (in days) at or above the time left, if the deadline is within any. */
    public static OptionalInt nearestPassed(List<Integer> thresholdDays, long millisLeft) {
        return thresholdDays.stream()
                .mapToInt(Integer::intValue)
                .filter(days -> millisLeft <= TimeUnit.DAYS.toMillis(days))
                .min();
    }

    public static int largest(List<Integer> thresholdDays) {
        return thresholdDays.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public static int smallest(List<Integer> thresholdDays) {
        return thresholdDays.stream().mapToInt(Integer::intValue).min().orElse(0);
    }
}
