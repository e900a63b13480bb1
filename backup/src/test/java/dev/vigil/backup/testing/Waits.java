package dev.vigil.backup.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for a condition with a deadline, instead of sleeping for a guessed time. */
public final class Waits {

    private Waits() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} once {@code limit} has passed. */
    public static void until(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            pause(Duration.ofMillis(20));
        }
    }

    /** One polling interval of a deadline loop. */
    static void pause(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }
}
