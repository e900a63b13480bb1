package dev.vigil.wireguard.apply;

import dev.vigil.wireguard.config.WgQuickConfig;
import dev.vigil.wireguard.mesh.Mesh;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one host expects of the private network, for {@code ops wg verify --local} on the host itself (from cron):
 * the peers wg0 must list, and for every other host and every port the policy names, whether a connection from
 * here must get through. {@code ops wg apply} writes it as {@link #PATH}, so the host needs no inventory; a line
 * format of its own (typed here, with golden files) because nothing but this class reads it.
 */
public record VerifyPlan(String host, List<WgQuickConfig.Peer> peers, List<Probe> probes) {

    /** Where {@code ops wg apply} installs it. */
    public static final String PATH = "/etc/vigil/wg-verify.plan";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    /** One port of another host, and whether the policy lets this host reach it. */
    public record Probe(String to, InetAddress address, int port, boolean allowed) {
    }

    public VerifyPlan {
        peers = List.copyOf(peers);
        probes = List.copyOf(probes);
    }

    /** The plan of {@code node}: its rendered peers, and every other node on every port the policy names. */
    public static VerifyPlan of(Mesh mesh, WgQuickConfig config, Mesh.Node node) {
        return new VerifyPlan(node.name(), config.peers(), probesOf(mesh, node));
    }

    /** Every other node on every port the policy names anywhere, each allowed or not from {@code node}. */
    public static List<Probe> probesOf(Mesh mesh, Mesh.Node node) {
        TreeSet<Integer> ports = new TreeSet<>();
        mesh.network().policy().forEach(r -> ports.addAll(r.ports()));
        List<Probe> probes = new ArrayList<>();
        for (Mesh.Node to : mesh.nodes()) {
            if (!to.equals(node)) {
                List<Integer> allowed = mesh.ports(node, to);
                ports.forEach(p -> probes.add(new Probe(to.name(), to.address(), p, allowed.contains(p))));
            }
        }
        return probes;
    }

    public String render() {
        StringBuilder b = new StringBuilder("# Written by 'ops wg apply': what 'ops wg verify --local' expects of this "
                + "host.\n# Change the inventory and run 'ops wg apply', not this file.\n");
        b.append("host ").append(host).append('\n');
        for (WgQuickConfig.Peer p : peers) {
            b.append("peer ").append(p.publicKey()).append(' ').append(p.address().getHostAddress()).append(' ')
                    .append(p.comment()).append('\n');
        }
        for (Probe p : probes) {
            b.append("probe ").append(p.to()).append(' ').append(p.address().getHostAddress()).append(' ')
                    .append(p.port()).append(p.allowed() ? " allowed" : " denied").append('\n');
        }
        return b.toString();
    }

    /** Reads a rendered plan; anything else is an error naming the line. */
    public static VerifyPlan parse(String text) {
        String host = null;
        List<WgQuickConfig.Peer> peers = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ", 4);
            try {
                switch (f[0]) {
                    case "host" -> {
                        if (f.length != 2 || !NAME.matcher(f[1]).matches() || host != null) {
                            throw new IllegalArgumentException("expected one 'host NAME' line");
                        }
                        host = f[1];
                    }
                    case "peer" -> {
                        if (f.length != 4) {
                            throw new IllegalArgumentException("expected 'peer KEY ADDRESS COMMENT'");
                        }
                        peers.add(new WgQuickConfig.Peer(f[3], f[1], address(f[2]), Optional.empty()));
                    }
                    case "probe" -> {
                        String[] p = line.split(" ");
                        if (p.length != 5 || !NAME.matcher(p[1]).matches()
                                || !p[4].equals("allowed") && !p[4].equals("denied")) {
                            throw new IllegalArgumentException("expected 'probe HOST ADDRESS PORT allowed|denied'");
                        }
                        int port = Integer.parseInt(p[3]);
                        if (port < 1 || port > 65535) {
                            throw new IllegalArgumentException("port out of range: " + port);
                        }
                        probes.add(new Probe(p[1], address(p[2]), port, p[4].equals("allowed")));
                    }
                    default -> throw new IllegalArgumentException("unknown line kind \"" + f[0] + "\"");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
            }
        }
        if (host == null) {
            throw new IllegalArgumentException("no 'host NAME' line: not a plan written by 'ops wg apply'");
        }
        return new VerifyPlan(host, peers, probes);
    }

    /** A literal IPv4 or IPv6 address, never a name to look up. */
    private static InetAddress address(String text) {
        if (!text.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }
}
