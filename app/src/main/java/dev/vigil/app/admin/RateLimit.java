package dev.vigil.app.admin;

import java.time.Duration;
import java.time.Instant;

/** At most {@code limit} uses per window, for the whole server (the admin API has a handful of legitimate callers). */
public final class RateLimit {

    private final int limit;
    private final Duration window;
    private Instant windowStart = Instant.EPOCH;
    private int used;

    public RateLimit(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Counts one use at {@code now}; false when the window's budget is spent. */
    public synchronized boolean tryAcquire(Instant now) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }
}
