package dev.vigil.backup.testing;

import dev.vigil.backup.RetryPolicy;

import java.time.Duration;

/** Real backoff, but short enough for tests. */
public final class TestRetries {

    public static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100));

    private TestRetries() {
    }
}
