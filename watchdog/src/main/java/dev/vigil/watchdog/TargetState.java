package dev.vigil.watchdog;

/**
 * What the watchdog knows of one target: whether its records are in DNS (as far as the watchdog put them
 * there) and its current run of failed or successful probes. Only one of the two counters is non-zero.
 */
public record TargetState(Target target, boolean inDns, int failures, int successes) {

    public static TargetState inDns(Target target) {
        return new TargetState(target, true, 0, 0);
    }

    public static TargetState removed(Target target) {
        return new TargetState(target, false, 0, 0);
    }

    /** The counters after one more probe. */
    public TargetState counting(ProbeResult result) {
        return result.healthy() ? new TargetState(target, inDns, 0, successes + 1)
                : new TargetState(target, inDns, failures + 1, 0);
    }

    public TargetState withInDns(boolean value) {
        return new TargetState(target, value, failures, successes);
    }

    public boolean passing() {
        return successes > 0;
    }
}
