package dev.vigil.watchdog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs rounds: probe every target at once, let {@link FailoverRules} decide, apply the changes to DNS, keep the
 * state file, tell people. A change that DNS refuses is not recorded, so the next round tries it again; nothing
 * a provider or a probe does stops the rounds.
 */
public final class Watchdog implements AutoCloseable {

    private final WatchdogConfig config;
    private final DnsRecords dns;
    private final StateFile stateFile;
    private final Notifications notifications;
    private final EventLog log;
    private final FailoverRules rules;
    private final ProbeRound probes;
    private List<TargetState> states;
    private Set<String> standingAlerts = Set.of();

    public Watchdog(WatchdogConfig config, Prober prober, DnsRecords dns, StateFile stateFile,
                    Notifications notifications, EventLog log) {
        this.config = config;
        this.dns = dns;
        this.stateFile = stateFile;
        this.notifications = notifications;
        this.log = log;
        this.rules = new FailoverRules(config.thresholds());
        this.probes = new ProbeRound(prober, config.targets());
        this.states = initialStates();
    }

    /** Every target starts in DNS, except those the state file says an earlier run removed. */
    private List<TargetState> initialStates() {
        Set<Target> removed = stateFile.removed();
        List<TargetState> out = new ArrayList<>();
        for (Target t : config.targets()) {
            out.add(removed.contains(t) ? TargetState.removed(t) : TargetState.inDns(t));
        }
        for (Target t : removed) {
            if (!config.targets().contains(t)) {
                log.info("state file lists " + t + ", which is no longer in the configuration: forgotten");
            }
        }
        List<String> removedEarlier = out.stream().filter(s -> !s.inDns()).map(s -> s.target().toString())
                .toList();
        if (!removedEarlier.isEmpty()) {
            log.info("from " + stateFile.path() + ": removed earlier, restored once healthy: "
                    + String.join(", ", removedEarlier));
        }
        return out;
    }

    public List<TargetState> states() {
        return List.copyOf(states);
    }

    /** One round of the daemon: probe, decide, change DNS, record, notify. */
    public RoundReport round() {
        Map<Target, ProbeResult> results = probes.run();
        Decision decision = rules.decide(states, results);
        List<TargetState> next = new ArrayList<>(decision.states());
        logProbes(next, results);
        List<Change> applied = new ArrayList<>();
        List<String> alerts = new ArrayList<>(decision.alerts());
        for (Change change : decision.changes()) {
            if (apply(change, results.get(change.target()), alerts)) {
                applied.add(change);
                int i = config.targets().indexOf(change.target());
                next.set(i, next.get(i).withInDns(change.kind() == Change.Kind.RESTORE));
            }
        }
        states = next;
        if (!applied.isEmpty()) {
            stateFile.write(states.stream().filter(s -> !s.inDns()).map(TargetState::target)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        reportAlerts(alerts);
        List<RoundReport.Row> rows = new ArrayList<>();
        for (TargetState s : states) {
            rows.add(new RoundReport.Row(s, results.get(s.target())));
        }
        RoundReport report = new RoundReport(rows, applied, alerts);
        if (alerts.isEmpty()) {
            notifications.heartbeat(report.summary());
        } else {
            notifications.trouble(report.summary());
        }
        return report;
    }

    /** Makes one change on every name; a failure becomes an alert and the change counts as not made. */
    private boolean apply(Change change, ProbeResult last, List<String> alerts) {
        try {
            for (String name : config.names()) {
                if (change.kind() == Change.Kind.REMOVE) {
                    dns.remove(name, change.target().address());
                } else {
                    dns.add(name, change.target().address(), config.ttlSeconds());
                }
            }
        } catch (DnsException e) {
            // no counts in the text: the same failure round after round is one standing alert
            alerts.add("DNS update failed, tried again every round: "
                    + (change.kind() == Change.Kind.REMOVE ? "remove " : "restore ") + change.target().recordType()
                    + " " + change.target() + ": " + e.getMessage());
            return false;
        }
        String verb = change.kind() == Change.Kind.REMOVE ? "removed " : "restored ";
        String message = verb + change.target().recordType() + " " + Addresses.text(change.target().address())
                + " (" + change.target().loadBalancer() + ") " + (change.kind() == Change.Kind.REMOVE ? "from " : "to ")
                + String.join(", ", config.names()) + ": " + change.reason() + "; last probe " + last.evidence();
        log.info(message);
        notifications.changed(message);
        return true;
    }

    /**
     * Probe outcomes worth a line: failures of targets in DNS, a removed target failing again after a success,
     * successes while out of DNS, and the first success after failures.
     */
    private void logProbes(List<TargetState> counted, Map<Target, ProbeResult> results) {
        for (TargetState s : counted) {
            ProbeResult r = results.get(s.target());
            if (!r.healthy()) {
                if (s.inDns()) {
                    log.info(s.target() + ": probe failed (" + s.failures() + "/" + config.thresholds().failAfter()
                            + "): " + r.evidence());
                } else if (s.failures() == 1) {
                    // out of DNS and still down is the expected state: only the first failure of a run is news
                    log.info(s.target() + ": probe failed (out of DNS; logged again after a pass): " + r.evidence());
                }
            } else if (!s.inDns()) {
                log.info(s.target() + ": probe passed (" + s.successes() + "/" + config.thresholds().recoverAfter()
                        + ", out of DNS): " + r.evidence());
            } else if (s.successes() == 1 && wasFailing(s.target())) {
                log.info(s.target() + ": probe passed again: " + r.evidence());
            }
        }
    }

    private boolean wasFailing(Target t) {
        return states.stream().anyMatch(s -> s.target().equals(t) && s.failures() > 0);
    }

    /** Each alert is logged and sent when it appears and logged when it clears, not repeated every round. */
    private void reportAlerts(List<String> alerts) {
        Set<String> now = new HashSet<>(alerts);
        for (String a : alerts) {
            if (!standingAlerts.contains(a)) {
                log.alert(a);
                notifications.alert(a);
            }
        }
        for (String a : standingAlerts) {
            if (!now.contains(a)) {
                log.info("cleared: " + a);
            }
        }
        standingAlerts = now;
    }

    @Override
    public void close() {
        probes.close();
    }
}
