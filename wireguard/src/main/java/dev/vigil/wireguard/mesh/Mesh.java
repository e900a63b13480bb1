package dev.vigil.wireguard.mesh;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The private network as the inventory declares it: every host with its tier and WireGuard address, and the tier
 * policy. It answers the two questions the renderers and {@code verify} ask: which hosts are a host's peers (any
 * rule between their tiers, either way, since a reply travels back through the same tunnel), and which ports a
 * host may open on another (rules are directional).
 */
public final class Mesh {

    /** One host of the mesh. */
    public record Node(Host host, String tier, InetAddress address) {
        public String name() {
            return host.name();
        }
    }

    private final List<Node> nodes;
    private final Network network;

    private Mesh(List<Node> nodes, Network network) {
        this.nodes = List.copyOf(nodes);
        this.network = network;
    }

    /** Every host must have a tier and a WireGuard address; the first one that lacks either is the error. */
    public static Mesh of(Inventory inventory) {
        Network network = inventory.network();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < inventory.hosts().size(); i++) {
            Host h = inventory.hosts().get(i);
            String field = inventory.file() + ": hosts[" + i + "] (host \"" + h.name() + "\")";
            String tier = network.tierOf(h.name()).orElseThrow(() -> new MeshException(field
                    + ": no tier: set hosts[].tier to one of " + String.join(", ", network.tiers())
                    + " (a host with one role takes that role's name)"));
            InetAddress address = h.wireguard().orElseThrow(() -> new MeshException(field
                    + ": no WireGuard address: set hosts[].wireguard (e.g. 10.8.0.11)"));
            nodes.add(new Node(h, tier, address));
        }
        return new Mesh(nodes, network);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Network network() {
        return network;
    }

    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new MeshException("no host named \"" + name + "\" in the inventory"));
    }

    /** The TCP ports {@code from} may open on {@code to}, in policy order; empty when none. */
    public List<Integer> ports(Node from, Node to) {
        if (from.equals(to)) {
            return List.of();
        }
        Set<Integer> ports = new LinkedHashSet<>();
        for (Network.Rule r : network.policy()) {
            if (r.from().equals(from.tier()) && r.to().equals(to.tier())) {
                ports.addAll(r.ports());
            }
        }
        return List.copyOf(ports);
    }

    /** The hosts {@code node} has a tunnel with: a rule allows traffic between them in one direction or both. */
    public List<Node> peersOf(Node node) {
        return nodes.stream().filter(p -> !ports(node, p).isEmpty() || !ports(p, node).isEmpty()).toList();
    }
}
