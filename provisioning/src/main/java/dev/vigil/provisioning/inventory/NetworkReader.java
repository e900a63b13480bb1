package dev.vigil.provisioning.inventory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code network} (tiers, policy, WireGuard port, public-key file) and each host's {@code tier}. A tier a host
 * or a rule names must be one of {@code network.tiers}; the error names the host or rule and the field.
 */
final class NetworkReader {

    static final Set<String> KEYS = Set.of("tiers", "policy", "wireguard_port", "keys_file", "verify_every_minutes");
    private static final Set<String> RULE_KEYS = Set.of("from", "to", "ports");

    private NetworkReader() {
    }

    static Network read(NodeReader n, YamlNode.Sequence hostNodes, List<Host> hosts, RoleSettings.App app,
                        Function<String, Path> path) {
        List<String> tiers = n.has("tiers") ? n.strings("tiers") : Network.DEFAULT_TIERS;
        if (new HashSet<>(tiers).size() != tiers.size()) {
            throw n.problemAt("tiers", "a tier is listed twice: " + tiers);
        }
        List<Network.Rule> policy = n.has("policy") ? n.list("policy", (item, itemPath) -> {
            NodeReader r = NodeReader.of(n.file(), itemPath, item, RULE_KEYS);
            String from = tier(r, "from", tiers, "");
            String to = tier(r, "to", tiers, "");
            List<Integer> ports = r.list("ports", (p, pPath) -> {
                if (!(p instanceof YamlNode.Scalar s) || s.type() != YamlNode.ScalarType.INTEGER
                        || !s.text().matches("\\d{1,5}") || Integer.parseInt(s.text()) < 1
                        || Integer.parseInt(s.text()) > 65535) {
                    throw NodeReader.problem(n.file(), p.location(), pPath, "expected a TCP port from 1 to 65535");
                }
                return Integer.parseInt(((YamlNode.Scalar) p).text());
            });
            if (ports.isEmpty()) {
                throw r.problemAt("ports", "policy rule " + from + " -> " + to + " needs ports (a list of TCP ports)");
            }
            return new Network.Rule(from, to, ports);
        }) : Network.defaultPolicy(app.httpPort(), app.pingPort()).stream()
                .filter(r -> tiers.contains(r.from()) && tiers.contains(r.to())).toList();
        Map<String, String> hostTiers = new HashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            Host h = hosts.get(i);
            YamlNode.Mapping node = (YamlNode.Mapping) hostNodes.items().get(i);
            NodeReader r = NodeReader.of(n.file(), "hosts[" + i + "]", node, node.entries().keySet());
            if (r.has("tier")) {
                hostTiers.put(h.name(), tier(r, "tier", tiers, "host \"" + h.name() + "\": "));
            } else if (h.roles().size() == 1 && tiers.contains(h.roles().iterator().next().id())) {
                hostTiers.put(h.name(), h.roles().iterator().next().id());
            }
        }
        java.util.Optional<Integer> verify = java.util.Optional.empty();
        if (n.has("verify_every_minutes")) {
            int every = n.integer("verify_every_minutes", 15, 1, 60);
            if (60 % every != 0) {
                throw n.problemAt("verify_every_minutes", "must divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, "
                        + "30 or 60), so the job runs evenly: not " + every);
            }
            verify = java.util.Optional.of(every);
        }
        return new Network(tiers, hostTiers, policy, n.integer("wireguard_port", 51820, 1, 65535),
                path.apply(n.string("keys_file", "wireguard-keys.txt")), verify);
    }

    private static String tier(NodeReader r, String key, List<String> tiers, String who) {
        String tier = r.string(key);
        if (!tiers.contains(tier)) {
            throw r.problemAt(key, who + "unknown tier \"" + tier + "\"; tiers are " + String.join(", ", tiers));
        }
        return tier;
    }
}
