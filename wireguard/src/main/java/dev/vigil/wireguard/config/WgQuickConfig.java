package dev.vigil.wireguard.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host's {@code /etc/wireguard/wg0.conf} for wg-quick. It holds no secret: the private key stays in
 * {@link #PRIVATE_KEY_FILE} on the host, loaded by {@code PostUp}. Each peer's {@code AllowedIPs} is that peer's
 * one address (/32 or /128), so WireGuard's cryptokey routing drops any packet from an address that is not the
 * sending peer's own and sends nothing to a host that is not listed.
 */
public record WgQuickConfig(String comment, InetAddress address, int listenPort, List<Peer> peers) {

    public static final String INTERFACE = "wg0";
    public static final String PATH = "/etc/wireguard/wg0.conf";
    public static final String PRIVATE_KEY_FILE = "/etc/wireguard/wg0.key";

    /**
     * Checks a config given on stdin with the real tools: {@code wg-quick strip} (wg-quick's own keys), then
     * {@code wg setconf}'s parser on an interface that does not exist, so nothing is changed; only a parse error
     * fails (a missing interface is the expected outcome).
     */
    public static final String CHECK = "d=$(mktemp -d) && cat > \"$d/wg0.conf\" && wg-quick strip \"$d/wg0.conf\" "
            + "> \"$d/stripped\" && { out=$(wg setconf vigilchk0 \"$d/stripped\" 2>&1); case \"$out\" in "
            + "*'parsing error'*|*'Line unrecognized'*) echo \"$out\" >&2; rc=1;; *) rc=0;; esac; } "
            + "|| rc=1; rm -rf \"$d\"; exit $rc";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=");
    private static final Pattern ENDPOINT = Pattern.compile("([0-9.]+|\\[[0-9a-fA-F:]+]):\\d{1,5}");

    public WgQuickConfig {
        peers = List.copyOf(peers);
        oneLine(comment);
        if (listenPort < 1 || listenPort > 65535) {
            throw new IllegalArgumentException("ListenPort must be 1 to 65535: " + listenPort);
        }
        if (peers.stream().map(Peer::address).distinct().count() != peers.size()) {
            throw new IllegalArgumentException("two peers with one address: " + peers);
        }
    }

    /** One peer: its public key, its only address, where to find it, and who it is (a comment). */
    public record Peer(String comment, String publicKey, InetAddress address, Optional<String> endpoint) {
        public Peer {
            oneLine(comment);
            if (!KEY.matcher(publicKey).matches()) {
                throw new IllegalArgumentException("not a WireGuard public key (44 characters of base64): \""
                        + publicKey + "\" (peer " + comment + ")");
            }
            if (endpoint.isPresent() && !ENDPOINT.matcher(endpoint.get()).matches()) {
                throw new IllegalArgumentException("endpoint must be ADDRESS:PORT or [IPV6]:PORT: " + endpoint.get());
            }
        }

        public String allowedIps() {
            return hostPrefix(address);
        }
    }

    /** The address as a one-host prefix: /32 for IPv4, /128 for IPv6. */
    public static String hostPrefix(InetAddress a) {
        return a.getHostAddress() + (a instanceof Inet4Address ? "/32" : "/128");
    }

    private static void oneLine(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a comment is one line: " + text.strip());
        }
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("# Written by 'ops wg apply' from the inventory; edits here are overwritten.\n");
        b.append("# ").append(comment).append('\n');
        b.append("# The private key never leaves this host: ").append(PRIVATE_KEY_FILE).append(" (mode 0600).\n");
        b.append("[Interface]\n");
        b.append("Address = ").append(hostPrefix(address)).append('\n');
        b.append("ListenPort = ").append(listenPort).append('\n');
        b.append("PostUp = wg set %i private-key ").append(PRIVATE_KEY_FILE).append('\n');
        b.append("PostUp = nft -f ").append(WgFirewall.PATH).append('\n');
        for (Peer p : peers) {
            b.append("\n# ").append(p.comment()).append('\n');
            b.append("[Peer]\n");
            b.append("PublicKey = ").append(p.publicKey()).append('\n');
            b.append("AllowedIPs = ").append(p.allowedIps()).append('\n');
            p.endpoint().ifPresent(e -> b.append("Endpoint = ").append(e).append('\n'));
        }
        return b.toString();
    }
}
