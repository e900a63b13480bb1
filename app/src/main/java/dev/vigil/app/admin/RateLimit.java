package dev.vigil.app.admin;

import java.time.Duration;
import java.time.Instant;

/** At most {@code limit} uses per fixed window, for the whole server. */
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
        if (exhausted(now)) {
            return false;
        }
        used++;
        return true;
    }

    /** Whether the budget of the window around {@code now} is spent (a new window starts with a full one). */
    public synchronized boolean exhausted(Instant now) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
        return used >= limit;
    }
}
