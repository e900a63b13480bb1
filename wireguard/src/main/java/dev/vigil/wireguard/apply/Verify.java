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
import java.util.TreeSet;

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
        TreeSet<Integer> ports = new TreeSet<>();
        mesh.network().policy().forEach(r -> ports.addAll(r.ports()));
        StringBuilder script = new StringBuilder();
        List<Mesh.Node> targets = mesh.nodes().stream().filter(n -> !n.equals(from)).toList();
        for (Mesh.Node to : targets) {
            for (int port : ports) {
                String a = to.address().getHostAddress();
                script.append("( if e=$(timeout 3 bash -c '</dev/tcp/").append(a).append('/').append(port)
                        .append("' 2>&1); then r=open; else case \"$e\" in *refused*) r=refused;; *) r=blocked;; "
                                + "esac; fi; echo \"").append(a).append(' ').append(port).append(" $r\" ) &\n");
            }
        }
        script.append("wait\n");
        CommandResult r = host.run(script.toString(), new byte[0], Duration.ofSeconds(60));
        if (!r.ok()) {
            throw new IllegalStateException(from.name() + ": probes failed (" + r.summary() + ")");
        }
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 3) {
                results.put(f[0] + " " + f[1], f[2]);
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (Mesh.Node to : targets) {
            List<Integer> allowed = mesh.ports(from, to);
            List<String> unexpected = new ArrayList<>();
            for (int port : ports) {
                String got = results.getOrDefault(to.address().getHostAddress() + " " + port, "unprobed");
                boolean reachable = got.equals("open") || got.equals("refused");
                if (reachable != allowed.contains(port)) {
                    unexpected.add(port + (reachable ? " " + got : " blocked"));
                }
            }
            cells.add(new Cell(from.name(), to.name(), allowed, unexpected));
        }
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
