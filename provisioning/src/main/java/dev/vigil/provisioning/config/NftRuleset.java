package dev.vigil.provisioning.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A server's own nftables table ({@code inet vigil}): inbound traffic dropped unless it is a reply, loopback, ICMP,
 * or matches one of {@code rules}; nothing forwarded; outbound not filtered. Checked on the host with
 * {@code nft -c}. Loading it replaces only this table (created, deleted, written again in one transaction), not the
 * whole ruleset: {@code flush ruleset} would also take away the private network's {@code inet vigil_wg} table,
 * which wg-quick loads when wg0 comes up, until wg0 came up again.
 */
public record NftRuleset(List<Rule> rules) {

    /** Checks a ruleset given on stdin with nftables' own parser, loading nothing. */
    public static final String CHECK = "nft -c -f /dev/stdin";

    public NftRuleset {
        rules = List.copyOf(rules);
    }

    /**
     * TCP (or UDP) to {@code ports} accepted, from anyone when {@code from} is empty, else from these addresses (all
     * of one family).
     */
    public record Rule(List<InetAddress> from, List<Integer> ports, String comment, boolean udp) {

        public Rule(List<InetAddress> from, List<Integer> ports, String comment) {
            this(from, ports, comment, false);
        }

        public Rule {
            from = List.copyOf(from);
            ports = List.copyOf(ports);
            if (ports.isEmpty() || ports.stream().anyMatch(p -> p < 1 || p > 65535)) {
                throw new IllegalArgumentException("ports must be 1 to 65535: " + ports);
            }
            if (from.stream().map(a -> a instanceof Inet4Address).distinct().count() > 1) {
                throw new IllegalArgumentException("one rule, one address family: " + from);
            }
            if (comment.indexOf('"') >= 0 || comment.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a rule comment holds no quotes or line breaks: " + comment);
            }
        }

        /** {@code ports} open to anyone. */
        public static Rule tcp(String comment, Integer... ports) {
            return new Rule(List.of(), List.of(ports), comment);
        }

        /** UDP {@code ports} open to anyone. */
        public static Rule udp(String comment, Integer... ports) {
            return new Rule(List.of(), List.of(ports), comment, true);
        }

        /** {@code port} open to {@code peers}: one rule for their IPv4 addresses, one for IPv6 (none for none). */
        public static List<Rule> tcpFrom(List<InetAddress> peers, int port, String comment) {
            List<Rule> rules = new ArrayList<>();
            for (boolean v4 : new boolean[]{true, false}) {
                List<InetAddress> family = peers.stream().filter(a -> a instanceof Inet4Address == v4).distinct()
                        .toList();
                if (!family.isEmpty()) {
                    rules.add(new Rule(family, List.of(port), comment));
                }
            }
            return rules;
        }

        String render() {
            String source = from.isEmpty() ? "" : (from.get(0) instanceof Inet4Address ? "ip" : "ip6") + " saddr { "
                    + from.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ")) + " } ";
            String dport = ports.size() == 1 ? String.valueOf(ports.get(0))
                    : "{ " + ports.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " }";
            return source + (udp ? "udp" : "tcp") + " dport " + dport + " accept comment \"" + comment + "\"";
        }
    }

    public String render() {
        StringBuilder b = new StringBuilder("""
                #!/usr/sbin/nft -f
                # Written by 'ops provision' from the inventory; edits here are overwritten.
                table inet vigil
                delete table inet vigil

                table inet vigil {
                  chain input {
                    type filter hook input priority filter; policy drop;
                    ct state established,related accept
                    ct state invalid drop
                    iif "lo" accept
                    meta l4proto { 1, 58 } accept comment "icmp, icmpv6"
                """);
        rules.forEach(r -> b.append("    ").append(r.render()).append('\n'));
        b.append("""
                  }
                  chain forward {
                    type filter hook forward priority filter; policy drop;
                  }
                }
                """);
        return b.toString();
    }
}
