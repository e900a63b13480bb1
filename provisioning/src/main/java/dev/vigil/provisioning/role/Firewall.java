package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Each server's nftables ruleset: everything inbound is dropped except replies, loopback, ICMP, SSH, and the
 * ports of the server's roles, each open only to the tier that uses it: HTTP(S) on load balancers to anyone, the
 * app's port to the load balancers, PostgreSQL to the app servers (by WireGuard address where they have one).
 */
final class Firewall {

    static final int POSTGRESQL_PORT = 5432;

    private Firewall() {
    }

    static String ruleset(Inventory inventory, Host host) {
        List<String> rules = new ArrayList<>();
        rules.add("tcp dport " + host.ssh().port() + " accept comment \"ssh\"");
        if (host.has(Role.LB)) {
            rules.add("tcp dport { 80, 443 } accept comment \"lb: http, https\"");
        }
        if (host.has(Role.APP)) {
            rules.addAll(from(inventory.withRole(Role.LB), inventory.settings().app().httpPort(), "app from lb"));
            rules.addAll(from(inventory.withRole(Role.LB), inventory.settings().app().pingPort(),
                    "app pings from lb"));
        }
        if (host.has(Role.DB)) {
            rules.addAll(from(inventory.withRole(Role.APP), POSTGRESQL_PORT, "db from app"));
        }
        StringBuilder b = new StringBuilder("""
                # Written by 'ops provision' from the inventory; edits here are overwritten.
                flush ruleset

                table inet vigil {
                  chain input {
                    type filter hook input priority filter; policy drop;
                    ct state established,related accept
                    ct state invalid drop
                    iif "lo" accept
                    meta l4proto { 1, 58 } accept comment "icmp, icmpv6"
                """);
        rules.forEach(r -> b.append("    ").append(r).append('\n'));
        b.append("""
                  }
                  chain forward {
                    type filter hook forward priority filter; policy drop;
                  }
                }
                """);
        return b.toString();
    }

    /** Rules opening {@code port} to {@code peers}: one for their IPv4 addresses, one for IPv6. */
    private static List<String> from(List<Host> peers, int port, String comment) {
        List<InetAddress> addresses = peers.stream().map(Host::peerAddress).toList();
        List<String> rules = new ArrayList<>();
        String v4 = addresses.stream().filter(a -> a instanceof Inet4Address).map(InetAddress::getHostAddress)
                .distinct().collect(Collectors.joining(", "));
        String v6 = addresses.stream().filter(a -> !(a instanceof Inet4Address)).map(InetAddress::getHostAddress)
                .distinct().collect(Collectors.joining(", "));
        if (!v4.isEmpty()) {
            rules.add("ip saddr { " + v4 + " } tcp dport " + port + " accept comment \"" + comment + "\"");
        }
        if (!v6.isEmpty()) {
            rules.add("ip6 saddr { " + v6 + " } tcp dport " + port + " accept comment \"" + comment + "\"");
        }
        return rules;
    }
}
