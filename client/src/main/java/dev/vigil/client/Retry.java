package dev.vigil.client;

/**
 * How often and how patiently a ping is retried. The ops tools' policy ({@code dev.vigil.backup.RetryPolicy})
 * is one; {@link #once()} is for callers that send again soon anyway, like the watchdog's heartbeat.
 */
public interface Retry {

    /** Tries in all, at least 1. */
    int maxAttempts();

    /** Waits after failed attempt number {@code attempt} (1-based); an interrupt is kept and ends the wait. */
    void pauseAfter(int attempt);

    /** One try, no waiting. */
    static Retry once() {
        return new Retry() {
            @Override
            public int maxAttempts() {
                return 1;
            }

            @Override
            public void pauseAfter(int attempt) {
            }
        };
    }
}
