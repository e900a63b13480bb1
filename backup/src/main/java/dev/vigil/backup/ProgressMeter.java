package dev.vigil.backup;

import java.time.Duration;

/** Counts bytes of one phase and tells the listener about them, at most once per interval. */
final class ProgressMeter {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final String phase;
    private final ProgressListener listener;
    private final long start = System.nanoTime();
    private long lastReport = start;
    private long bytes;

    ProgressMeter(String phase, ProgressListener listener) {
        this.phase = phase;
        this.listener = listener;
    }

    void add(long n) {
        bytes += n;
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            listener.onProgress(new Progress(phase, bytes, Duration.ofNanos(now - start), false));
        }
    }

    Progress finish() {
        Progress p = new Progress(phase, bytes, Duration.ofNanos(System.nanoTime() - start), true);
        listener.onProgress(p);
        return p;
    }

    long bytes() {
        return bytes;
    }
}
