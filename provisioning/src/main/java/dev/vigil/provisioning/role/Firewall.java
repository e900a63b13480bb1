package dev.vigil.provisioning.role;

import dev.vigil.provisioning.config.NftRuleset;
import dev.vigil.provisioning.config.NftRuleset.Rule;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Each server's nftables ruleset: everything inbound is dropped except replies, loopback, ICMP, SSH, and the
 * ports of the server's roles, each open only to the tier that uses it: HTTP(S) on load balancers to anyone, the
 * app's port to the load balancers, PostgreSQL to the app servers (by WireGuard address where they have one),
 * and WireGuard's UDP port on a host of the private network (open to anyone: WireGuard answers no packet that is
 * not from a peer's key, and peers may roam).
 */
final class Firewall {

    static final int POSTGRESQL_PORT = 5432;

    private Firewall() {
    }

    static NftRuleset ruleset(Inventory inventory, Host host) {
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.tcp("ssh", host.ssh().port()));
        if (host.wireguard().isPresent()) {
            rules.add(Rule.udp("wireguard", inventory.network().listenPort()));
        }
        if (host.has(Role.LB)) {
            rules.add(Rule.tcp("lb: http, https", 80, 443));
        }
        if (host.has(Role.APP)) {
            List<InetAddress> lbs = addresses(inventory.withRole(Role.LB));
            rules.addAll(Rule.tcpFrom(lbs, inventory.settings().app().httpPort(), "app from lb"));
            rules.addAll(Rule.tcpFrom(lbs, inventory.settings().app().pingPort(), "app pings from lb"));
        }
        if (host.has(Role.DB)) {
            rules.addAll(Rule.tcpFrom(addresses(inventory.withRole(Role.APP)), POSTGRESQL_PORT, "db from app"));
        }
        return new NftRuleset(rules);
    }

    private static List<InetAddress> addresses(List<Host> peers) {
        return peers.stream().map(Host::peerAddress).toList();
    }
}
