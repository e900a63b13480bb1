package dev.vigil.watchdog;

import java.util.List;

/** What one round saw and did: each target's probe and state afterwards, the changes made, the alerts. */
public record RoundReport(List<Row> rows, List<Change> applied, List<String> alerts) {

    public record Row(TargetState state, ProbeResult result) {
    }

    public RoundReport {
        rows = List.copyOf(rows);
        applied = List.copyOf(applied);
        alerts = List.copyOf(alerts);
    }

    public boolean allHealthy() {
        return rows.stream().allMatch(r -> r.result().healthy());
    }

    /** One line for the heartbeat ping: how many addresses pass, and which are out of DNS. */
    public String summary() {
        long healthy = rows.stream().filter(r -> r.result().healthy()).count();
        List<String> out = rows.stream().filter(r -> !r.state().inDns()).map(r -> r.state().target().toString())
                .toList();
        return healthy + "/" + rows.size() + " load balancer addresses healthy"
                + (out.isEmpty() ? "" : "; out of DNS: " + String.join(", ", out))
                + (alerts.isEmpty() ? "" : "; alerts: " + String.join(" | ", alerts));
    }
}
