package dev.vigil.watchdog;

import dev.vigil.table.TextTable;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What DNS holds now against what it should hold: every balancer address on every name, except those the
 * watchdog removed (per its state file). Addresses in DNS that belong to no balancer are listed too.
 */
public final class DnsStatus {

    /** One address of one name. {@code loadBalancer} is empty for an address that is no balancer's. */
    public record Row(String name, String type, String address, String loadBalancer, boolean expected,
                      boolean present) {
        public boolean matches() {
            return expected == present;
        }
    }

    private DnsStatus() {
    }

    public static List<Row> compare(WatchdogConfig config, Set<Target> removed, DnsRecords dns) {
        Map<InetAddress, Target> byAddress = config.targets().stream()
                .collect(Collectors.toMap(Target::address, Function.identity()));
        List<Row> rows = new ArrayList<>();
        for (String name : config.names()) {
            Set<InetAddress> present = new LinkedHashSet<>(dns.addresses(name));
            for (Target t : config.targets()) {
                rows.add(new Row(name, t.recordType(), Addresses.text(t.address()), t.loadBalancer(),
                        !removed.contains(t), present.remove(t.address())));
            }
            for (InetAddress stranger : present) {
                Target t = new Target("", stranger);
                rows.add(new Row(name, t.recordType(), Addresses.text(stranger), "", false, true));
            }
        }
        return rows;
    }

    public static String table(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of("NAME", "TYPE", "ADDRESS", "LOAD BALANCER", "SHOULD", "IS", ""));
        for (Row r : rows) {
            cells.add(List.of(r.name(), r.type(), r.address(), r.loadBalancer().isEmpty() ? "-" : r.loadBalancer(),
                    r.expected() ? "in" : "out", r.present() ? "in" : "out", r.matches() ? "" : "MISMATCH"));
        }
        return TextTable.render(cells);
    }
}
