package dev.vigil.watchdog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decisions of one round, as a pure function of what the watchdog knew and what the probes saw.
 *
 * <ul>
 * <li>A target in DNS with {@code failAfter} consecutive failures is removed, but only while another target of
 * the same address family stays in DNS and passed its probe this round: the last healthy balancer is never
 * removed.</li>
 * <li>A removed target with {@code recoverAfter} consecutive successes is restored.</li>
 * <li>When every probe fails, the likely culprit is the watchdog's own network: nothing changes and an alert
 * says so.</li>
 * </ul>
 */
public final class FailoverRules {

    private final Thresholds thresholds;

    public FailoverRules(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Decision decide(List<TargetState> before, Map<Target, ProbeResult> results) {
        List<TargetState> counted = new ArrayList<>();
        for (TargetState s : before) {
            ProbeResult r = results.get(s.target());
            if (r == null) {
                throw new IllegalArgumentException("no probe result for " + s.target());
            }
            counted.add(s.counting(r));
        }
        List<Change> changes = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        if (counted.stream().noneMatch(TargetState::passing)) {
            alerts.add("every load balancer failed its probe (" + counted.size() + " addresses): DNS left as it is; "
                    + "check the watchdog's own network first");
            return new Decision(counted, changes, alerts);
        }
        for (TargetState s : counted) {
            if (!s.inDns() && s.successes() >= thresholds.recoverAfter()) {
                changes.add(new Change(Change.Kind.RESTORE, s.target(),
                        s.successes() + " successful probes in a row"));
            }
        }
        Set<Target> leaving = new HashSet<>();
        for (TargetState s : counted) {
            if (!s.inDns() || s.failures() < thresholds.failAfter()) {
                continue;
            }
            boolean anotherHealthy = counted.stream().anyMatch(o -> o != s && o.inDns() && o.passing()
                    && o.target().ipv6() == s.target().ipv6() && !leaving.contains(o.target()));
            if (anotherHealthy) {
                leaving.add(s.target());
                changes.add(new Change(Change.Kind.REMOVE, s.target(), s.failures() + " failed probes in a row"));
            } else {
                alerts.add(s.target() + " is failing but no other healthy " + s.target().recordType()
                        + " record is left: kept in DNS");
            }
        }
        return new Decision(counted, changes, alerts);
    }
}
