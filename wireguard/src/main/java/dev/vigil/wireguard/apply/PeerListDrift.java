package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.remote.RemoteHost;
import dev.vigil.wireguard.config.WgQuickConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first half of {@code ops wg verify}: the peers wg0 has right now ({@code wg show wg0 allowed-ips}) against
 * the peers its rendered config lists. Probes only see what traffic gets through; a peer that someone added by hand
 * is a hole even while the nftables table still hides it, and it shows here.
 */
final class PeerListDrift {

    private PeerListDrift() {
    }

    /** What differs on {@code host}, one line each, naming the peer; empty when wg0 has exactly the expected peers. */
    static List<String> of(String hostName, WgQuickConfig expected, RemoteHost host) {
        return compare(hostName, expected.peers(), host.check("wg show " + WgQuickConfig.INTERFACE + " allowed-ips"));
    }

    /** {@code shown}: wg's lines of "public key, tab, allowed IPs separated by spaces, or (none)". */
    static List<String> compare(String hostName, List<WgQuickConfig.Peer> expected, String shown) {
        Map<String, String> live = new LinkedHashMap<>();
        for (String line : shown.split("\n")) {
            String[] f = line.strip().split("\\s+", 2);
            if (f.length == 2 && !f[0].isEmpty()) {
                live.put(f[0], f[1].strip());
            }
        }
        List<String> drift = new ArrayList<>();
        for (WgQuickConfig.Peer p : expected) {
            String ips = live.remove(p.publicKey());
            if (ips == null) {
                drift.add(hostName + ": does not list its peer " + p.comment() + " (" + p.publicKey() + ")");
            } else if (!ips.equals(p.allowedIps())) {
                drift.add(hostName + ": peer " + p.comment() + " has AllowedIPs " + ips + ", not " + p.allowedIps());
            }
        }
        live.forEach((key, ips) -> drift.add(hostName + ": lists a peer the policy does not give it: " + key
                + " (AllowedIPs " + ips + ")"));
        return drift;
    }
}
