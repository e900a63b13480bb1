package dev.vigil.watchdog;

import dev.vigil.table.TextTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The table {@code ops watchdog once} prints: each address, what its probe saw, and its DNS state on record. */
public final class ProbeTable {

    private ProbeTable() {
    }

    public static String render(Map<Target, ProbeResult> results, Set<Target> removed) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of("LOAD BALANCER", "ADDRESS", "HEALTH", "PROBE", "DNS"));
        results.forEach((t, r) -> cells.add(List.of(t.loadBalancer(), Addresses.text(t.address()),
                r.healthy() ? "healthy" : "UNHEALTHY", r.evidence(), removed.contains(t) ? "removed by watchdog"
                        : "in")));
        return TextTable.render(cells);
    }
}
