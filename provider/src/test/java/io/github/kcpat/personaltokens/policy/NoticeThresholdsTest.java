package io.github.kcpat.personaltokens.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NoticeThresholdsTest {

    private static final List<Integer> DEFAULT = List.of(7, 1);

    private static OptionalInt due(double daysLeft) {
        return NoticeThresholds.nearestPassed(DEFAULT, (long) (daysLeft * TimeUnit.DAYS.toMillis(1)));
    }

    @Test
    void theNearestThresholdPassedIsTheOneDue() {
        assertEquals(OptionalInt.empty(), due(10));
        assertEquals(OptionalInt.of(7), due(7));
        assertEquals(OptionalInt.of(7), due(3));
        assertEquals(OptionalInt.of(1), due(1));
        assertEquals(OptionalInt.of(1), due(0.01));
    }

    @Test
    void orderOfTheListDoesNotMatter() {
        assertEquals(OptionalInt.of(1), NoticeThresholds.nearestPassed(List.of(1, 7, 3), TimeUnit.HOURS.toMillis(5)));
        assertEquals(7, NoticeThresholds.largest(List.of(1, 7, 3)));
        assertEquals(1, NoticeThresholds.smallest(List.of(1, 7, 3)));
        assertEquals(OptionalInt.empty(), NoticeThresholds.nearestPassed(List.of(), 0));
    }
}
