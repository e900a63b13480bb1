package dev.vigil.backup;

import dev.vigil.client.Retry;

import java.time.Duration;

/**
 * How often and how patiently a remote call is retried: {@code maxAttempts} tries in all, waiting
 * {@code initialDelay}, then twice that, and so on up to {@code maxDelay} between them.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) implements Retry {

    /** Five tries over about half a minute: rides out a restarting server without holding a nightly job. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(15));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /** The pause after failed attempt number {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        long millis = initialDelay.toMillis();
        for (int i = 1; i < attempt && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    /**
     * The longest the pauses between all {@link #maxAttempts} add up to: what a request that never gets an answer
     * spends retrying (29 s for {@link #DEFAULT}). Attempts that fail at once (a refused or reset connection, a
     * 5xx) add next to nothing to it.
     */
    public Duration maxTotalDelay() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(delayAfter(attempt));
        }
        return total;
    }

    /**
     * For a clean-up request (aborting an upload) sent right after another request used up this whole policy: one
     * try and one retry {@link #initialDelay} later instead of a second budget, so that a run whose storage is gone
     * ends within about one budget.
     */
    public RetryPolicy afterOutage() {
        return new RetryPolicy(Math.min(2, maxAttempts), initialDelay, initialDelay);
    }

    /** Sleeps for {@link #delayAfter(int)}; an interrupt is kept and ends the wait early. */
    @Override
    public void pauseAfter(int attempt) {
        try {
            Thread.sleep(delayAfter(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
