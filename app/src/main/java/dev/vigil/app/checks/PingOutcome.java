package dev.vigil.app.checks;

import java.time.Instant;

/**
 * What one ping did to a check.
 *
 * @param kind        the kind recorded for the ping (IGN when it did not count)
 * @param n           the ping's serial number
 * @param durationMs  run time ended by this ping, or null
 * @param after       the check's state after the ping
 * @param flippedFrom the status before, when the ping changed it (a flip), else null
 * @param alertAfter  when the alert sender must look at the check next, or null for never
 */
public record PingOutcome(PingKind kind, long n, Long durationMs, CheckState after, CheckStatus flippedFrom,
        Instant alertAfter) {

    public boolean flipped() {
        return flippedFrom != null;
    }
}
