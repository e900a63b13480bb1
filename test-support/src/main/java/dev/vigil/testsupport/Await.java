package dev.vigil.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline, instead of sleeping a fixed time and hoping. */
public final class Await {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails with {@code describe}'s text after {@code timeout}. */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true after " + timeout.toMillis() + " ms: " + describe.get());
            }
            pause(INTERVAL);
        }
    }

    /** One polling interval; for loops that wait on a condition with their own deadline. */
    public static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
