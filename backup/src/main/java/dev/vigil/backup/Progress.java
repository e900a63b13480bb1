package dev.vigil.backup;

import java.time.Duration;

/** How far a transfer is: {@code bytes} of the {@code phase} ("dump", "restore") after {@code elapsed}. */
public record Progress(String phase, long bytes, Duration elapsed, boolean done) {

    /** Average rate since the start. */
    public double bytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytes / seconds;
    }

    /** "dump 1.2 GiB, 48.3 MiB/s, 25 s". */
    public String describe() {
        return phase + " " + Sizes.bytes(bytes) + ", " + Sizes.bytes((long) bytesPerSecond()) + "/s, "
                + Sizes.duration(elapsed);
    }
}
