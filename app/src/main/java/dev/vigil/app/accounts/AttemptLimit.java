package dev.vigil.app.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} counted events per key (an address, an email) in a fixed window that starts at the key's
 * first event; in memory on each app server. Keys whose window has passed are forgotten when the map grows.
 */
public final class AttemptLimit {

    private record Window(Instant start, int count) {
    }

    private static final int PRUNE_AT = 10_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Window> windows = new HashMap<>();

    public AttemptLimit(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Whether the key has used up its window at {@code now}. */
    public synchronized boolean blocked(String key, Instant now) {
        Window w = windows.get(key);
        return w != null && now.isBefore(w.start().plus(window)) && w.count() >= limit;
    }

    /** Counts one event for the key at {@code now}. */
    public synchronized void count(String key, Instant now) {
        Window w = windows.get(key);
        if (w == null || !now.isBefore(w.start().plus(window))) {
            if (windows.size() >= PRUNE_AT) {
                windows.values().removeIf(old -> !now.isBefore(old.start().plus(window)));
            }
            windows.put(key, new Window(now, 1));
        } else {
            windows.put(key, new Window(w.start(), w.count() + 1));
        }
    }
}
