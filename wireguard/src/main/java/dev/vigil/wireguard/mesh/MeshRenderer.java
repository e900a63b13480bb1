package dev.vigil.wireguard.mesh;

import dev.vigil.wireguard.config.WgFirewall;
import dev.vigil.wireguard.config.WgQuickConfig;
import dev.vigil.wireguard.key.PublicKeys;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds each host's typed configs (wg0.conf, its nftables table) from the mesh and the collected public keys. */
public final class MeshRenderer {

    private final Mesh mesh;
    private final PublicKeys keys;

    public MeshRenderer(Mesh mesh, PublicKeys keys) {
        this.mesh = mesh;
        this.keys = keys;
    }

    public WgQuickConfig wgQuick(Mesh.Node node) {
        List<WgQuickConfig.Peer> peers = new ArrayList<>();
        for (Mesh.Node p : mesh.peersOf(node)) {
            String key = keys.of(p.name()).orElseThrow(() -> new MeshException("no public key for host \""
                    + p.name() + "\" in " + keys.file() + " (collect it with 'ops wg keys')"));
            peers.add(new WgQuickConfig.Peer(p.name() + " (" + p.tier() + ")", key, p.address(),
                    Optional.of(endpoint(p.host().sshAddress()))));
        }
        return new WgQuickConfig("Host " + node.name() + " (tier " + node.tier() + "): " + peers.size()
                + " peers, only those the tier policy lets it talk to", node.address(),
                mesh.network().listenPort(), peers);
    }

    public WgFirewall firewall(Mesh.Node node) {
        List<WgFirewall.Allow> allows = new ArrayList<>();
        for (Mesh.Node from : mesh.peersOf(node)) {
            List<Integer> ports = mesh.ports(from, node);
            if (!ports.isEmpty()) {
                allows.add(new WgFirewall.Allow(from.address(), ports, from.name() + " (" + from.tier() + ") -> "
                        + node.tier()));
            }
        }
        return new WgFirewall("Host " + node.name() + " (tier " + node.tier() + ")", allows);
    }

    private String endpoint(InetAddress a) {
        String host = a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return host + ":" + mesh.network().listenPort();
    }
}
