package dev.vigil.app.alerts;

import java.time.Duration;

/**
 * How a sender instance works (docs/configuration.md, VIGIL_ALERTS_*).
 *
 * @param pollInterval    the longest time between two looks at the database (at most 2 s)
 * @param lease           how long a claimed notification stays with its sender before others may take it over;
 *                        longer than one delivery attempt can take
 * @param deliveryThreads deliveries in flight at once
 * @param maxAttempts     attempts per notification before it is recorded as failed
 * @param firstRetry      delay before the second attempt; each further one waits three times longer
 * @param batch           the most checks marked down, or flips fanned out, per transaction
 */
public record SenderSettings(Duration pollInterval, Duration lease, int deliveryThreads, int maxAttempts,
        Duration firstRetry, int batch) {

    public SenderSettings {
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("VIGIL_ALERTS_POLL_MS must be between 1 and 2000");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("VIGIL_ALERTS_LEASE_SECONDS must be at least 1");
        }
        if (deliveryThreads < 1 || maxAttempts < 1 || batch < 1) {
            throw new IllegalArgumentException("VIGIL_ALERTS_THREADS and VIGIL_ALERTS_MAX_ATTEMPTS must be >= 1");
        }
    }

    public static SenderSettings defaults() {
        return new SenderSettings(Duration.ofMillis(250), Duration.ofSeconds(60), 16, 5, Duration.ofSeconds(10), 1000);
    }

    /** Delay after a failed attempt number {@code attempt} (1-based): firstRetry, x3, x9, ..., at most an hour. */
    public Duration backoff(int attempt) {
        Duration d = firstRetry;
        for (int i = 1; i < attempt && d.compareTo(Duration.ofHours(1)) < 0; i++) {
            d = d.multipliedBy(3);
        }
        return d.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : d;
    }
}
