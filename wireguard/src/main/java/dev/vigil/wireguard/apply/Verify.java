package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.RemoteHost;
import dev.vigil.table.TextTable;
import dev.vigil.wireguard.mesh.Mesh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ops wg verify}: probes every ordered pair of hosts live, from the source host over SSH, on every port the
 * policy names anywhere, and compares with the policy. A port counts as reachable when the TCP connection opens
 * or is refused (a host answered); as blocked when it times out or has no route (WireGuard has no peer for it, or
 * the nftables table dropped it). Nothing listening on an allowed port is therefore fine, and any reachable port the
 * policy does not allow is unexpected.
 */
public final class Verify {

    /** One (from, to) pair: the ports the policy allows, and those that behaved otherwise. */
    public record Cell(String from, String to, List<Integer> allowed, List<String> unexpected) {
        public String text() {
            if (!unexpected.isEmpty()) {
                return "UNEXPECTED " + String.join(",", unexpected);
            }
            return allowed.isEmpty() ? "denied" : "allowed " + String.join(",", allowed.stream().map(String::valueOf)
                    .toList());
        }
    }

    private Verify() {
    }

    /** The cells with {@code from} as source, probed from {@code host} (that source). */
    public static List<Cell> from(Mesh mesh, Mesh.Node from, RemoteHost host) {
        return cells(VerifyPlan.probesOf(mesh, from), from.name(), host);
    }

    /**
     * {@code ops wg verify --local}: this host's half of verify from its own {@link VerifyPlan}: the live peer
     * list against the plan's, then its cells. The host runs the probes itself; nothing logs in anywhere.
     */
    public static Local local(VerifyPlan plan, RemoteHost self) {
        List<String> drift = PeerListDrift.compare(plan.host(), plan.peers(),
                self.check("wg show " + dev.vigil.wireguard.config.WgQuickConfig.INTERFACE + " allowed-ips"));
        return new Local(drift, cells(plan.probes(), plan.host(), self));
    }

    /** What {@link #local} found. */
    public record Local(List<String> drift, List<Cell> cells) {
        public boolean ok() {
            return drift.isEmpty() && cells.stream().allMatch(c -> c.unexpected().isEmpty());
        }

        /** One line per difference and per destination, then the verdict. */
        public String report(String host) {
            StringBuilder b = new StringBuilder();
            b.append(drift.isEmpty() ? host + ": wg0 lists exactly the peers the policy gives it\n"
                    : host + ": " + drift.size() + " peer list difference(s)\n");
            drift.forEach(d -> b.append("  ").append(d).append('\n'));
            for (Cell c : cells) {
                b.append(host).append(" -> ").append(c.to()).append(": ").append(c.text()).append('\n');
            }
            long unexpected = cells.stream().filter(c -> !c.unexpected().isEmpty()).count();
            b.append(ok() ? "every destination behaves as the policy says\n"
                    : unexpected + " unexpected destination(s), " + drift.size() + " peer list difference(s)\n");
            return b.toString();
        }
    }

    /** Probes every (address, port) of {@code probes} at once from {@code host}, and judges each destination. */
    private static List<Cell> cells(List<VerifyPlan.Probe> probes, String from, RemoteHost host) {
        StringBuilder script = new StringBuilder();
        for (VerifyPlan.Probe p : probes) {
            String a = p.address().getHostAddress();
            script.append("( if e=$(timeout 3 bash -c '</dev/tcp/").append(a).append('/').append(p.port())
                    .append("' 2>&1); then r=open; else case \"$e\" in *refused*) r=refused;; *) r=blocked;; "
                            + "esac; fi; echo \"").append(a).append(' ').append(p.port()).append(" $r\" ) &\n");
        }
        script.append("wait\n");
        CommandResult r = host.run(script.toString(), new byte[0], Duration.ofSeconds(60));
        if (!r.ok()) {
            throw new IllegalStateException(from + ": probes failed (" + r.summary() + ")");
        }
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 3) {
                results.put(f[0] + " " + f[1], f[2]);
            }
        }
        Map<String, List<VerifyPlan.Probe>> byDestination = new LinkedHashMap<>();
        probes.forEach(p -> byDestination.computeIfAbsent(p.to(), k -> new ArrayList<>()).add(p));
        List<Cell> cells = new ArrayList<>();
        byDestination.forEach((to, ps) -> {
            List<Integer> allowed = ps.stream().filter(VerifyPlan.Probe::allowed).map(VerifyPlan.Probe::port)
                    .toList();
            List<String> unexpected = new ArrayList<>();
            for (VerifyPlan.Probe p : ps) {
                String got = results.getOrDefault(p.address().getHostAddress() + " " + p.port(), "unprobed");
                boolean reachable = got.equals("open") || got.equals("refused");
                if (reachable != p.allowed()) {
                    unexpected.add(p.port() + (reachable ? " " + got : " blocked"));
                }
            }
            cells.add(new Cell(from, to, allowed, unexpected));
        });
        return cells;
    }

    /** The matrix, sources down, destinations across. */
    public static String matrix(Mesh mesh, List<Cell> cells) {
        List<String> names = mesh.nodes().stream().map(Mesh.Node::name).toList();
        int width = Math.max(8, cells.stream().mapToInt(c -> c.text().length()).max().orElse(0));
        int[] widths = new int[names.size() + 1];
        Arrays.fill(widths, width);
        widths[0] = 0;
        List<String> header = new ArrayList<>(List.of("from \\ to"));
        header.addAll(names);
        TextTable table = TextTable.withHeader(header.toArray(String[]::new)).minWidths(widths);
        for (String from : names) {
            List<String> row = new ArrayList<>(List.of(from));
            for (String to : names) {
                row.add(from.equals(to) ? "-" : cells.stream().filter(c -> c.from().equals(from)
                        && c.to().equals(to)).map(Cell::text).findFirst().orElse("?"));
            }
            table.row(row);
        }
        return table.render();
    }
}
