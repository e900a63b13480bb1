package dev.vigil.watchdog;

/** How many consecutive failed probes take a target out of DNS, and how many successes bring it back. */
public record Thresholds(int failAfter, int recoverAfter) {

    public Thresholds {
        if (failAfter < 1 || recoverAfter < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1, not " + failAfter + "/" + recoverAfter);
        }
    }
}
