package dev.inpaintstudio.modelslab;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private static final Duration MIN = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofSeconds(12);

    @Test
    void doublesFromTheMinimumToTheCapWithoutJitter() {
        Backoff b = new Backoff(MIN, MAX, () -> 0.5); // factor 1.0
        assertEquals(Duration.ofSeconds(2), b.next(null));
        assertEquals(Duration.ofSeconds(4), b.next(null));
        assertEquals(Duration.ofSeconds(8), b.next(null));
        assertEquals(Duration.ofSeconds(12), b.next(null));
        assertEquals(Duration.ofSeconds(12), b.next(null));
    }

    @Test
    void waitsAtLeastTheEtaButNotBeyondTheCap() {
        Backoff b = new Backoff(MIN, MAX, () -> 0.5);
        assertEquals(Duration.ofSeconds(5), b.next(5.0));
        assertEquals(Duration.ofSeconds(12), b.next(146.0));
        assertEquals(Duration.ofSeconds(8), b.next(0.25), "a small eta does not shorten the backoff");
    }

    @Test
    void jitterStaysWithinFifteenPercentAndNeverBelowTheMinimum() {
        Backoff low = new Backoff(MIN, MAX, () -> 0.0);
        assertEquals(MIN, low.next(null), "0.85 x 2 s is raised to the minimum");
        assertEquals(Duration.ofMillis(3400), low.next(null));
        Backoff high = new Backoff(MIN, MAX, () -> 1.0);
        high.next(null);
        high.next(null);
        high.next(null);
        Duration capped = high.next(null);
        assertTrue(capped.compareTo(Duration.ofMillis(13_800)) <= 0 && capped.compareTo(MAX) > 0, capped.toString());
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(1), 3, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new ClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(1), 0, Duration.ofSeconds(1)));
        ClientSettings d = ClientSettings.defaults();
        assertTrue(d.readTimeout().compareTo(Duration.ofSeconds(120)) >= 0);
        assertEquals(Duration.ofSeconds(2), d.minPollDelay());
        assertEquals(Duration.ofMinutes(10), d.deadline());
        assertEquals(8, d.downloadAttempts());
    }
}
