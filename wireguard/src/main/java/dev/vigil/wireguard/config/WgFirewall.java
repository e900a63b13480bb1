package dev.vigil.wireguard.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The second layer behind the peer list: an nftables table of its own ({@code inet vigil_wg}) that drops every
 * new connection arriving on {@code wg0} unless the tier policy allows that source, TCP port and destination host.
 * Traffic on other interfaces is left to the host's main ruleset; replies pass. Loading the file replaces only this
 * table (it declares, deletes and re-creates it), so the main ruleset is untouched.
 */
public record WgFirewall(String comment, List<Allow> allows) {

    public static final String PATH = "/etc/wireguard/wg0.nft";
    /** Checks a ruleset given on stdin with nftables' own parser, loading nothing. */
    public static final String CHECK = "nft -c -f /dev/stdin";

    public WgFirewall {
        allows = List.copyOf(allows);
        if (comment.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a comment is one line: " + comment.strip());
        }
    }

    /** New TCP connections from {@code from} to {@code ports} accepted. */
    public record Allow(InetAddress from, List<Integer> ports, String comment) {
        public Allow {
            ports = List.copyOf(ports);
            if (ports.isEmpty() || ports.stream().anyMatch(p -> p < 1 || p > 65535)) {
                throw new IllegalArgumentException("ports must be 1 to 65535: " + ports);
            }
            if (comment.indexOf('"') >= 0 || comment.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a rule comment holds no quotes or line breaks: " + comment);
            }
        }

        String render() {
            String dport = ports.size() == 1 ? String.valueOf(ports.get(0))
                    : "{ " + ports.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " }";
            return (from instanceof Inet4Address ? "ip" : "ip6") + " saddr " + from.getHostAddress() + " tcp dport "
                    + dport + " accept comment \"" + comment + "\"";
        }
    }

    public String render() {
        StringBuilder b = new StringBuilder("""
                #!/usr/sbin/nft -f
                # Written by 'ops wg apply' from the tier policy; edits here are overwritten.
                """);
        b.append("# ").append(comment).append('\n');
        b.append("""
                table inet vigil_wg
                delete table inet vigil_wg

                table inet vigil_wg {
                  chain input {
                    type filter hook input priority filter - 10; policy accept;
                    iifname != "wg0" accept
                    ct state established,related accept
                    ct state invalid drop
                """);
        allows.forEach(a -> b.append("    ").append(a.render()).append('\n'));
        b.append("""
                    counter drop comment "not in the tier policy"
                  }
                }
                """);
        return b.toString();
    }
}
