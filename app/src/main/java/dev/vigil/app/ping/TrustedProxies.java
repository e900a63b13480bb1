package dev.vigil.app.ping;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The load balancers whose X-Forwarded-For and X-Forwarded-Proto headers are believed. From anyone else those headers
 * are ignored, so a client cannot pretend to come from another address.
 */
public final class TrustedProxies {

    private record Network(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /** Parses a comma-separated list of addresses and CIDR networks, e.g. {@code 10.8.0.0/24, fd00::1}. */
    public static TrustedProxies parse(String spec) {
        List<Network> list = new ArrayList<>();
        if (spec != null) {
            for (String item : spec.split(",")) {
                String s = item.strip();
                if (s.isEmpty()) {
                    continue;
                }
                int slash = s.indexOf('/');
                byte[] addr = literal(slash < 0 ? s : s.substring(0, slash));
                int bits = slash < 0 ? addr.length * 8 : Integer.parseInt(s.substring(slash + 1));
                if (bits < 0 || bits > addr.length * 8) {
                    throw new IllegalArgumentException("trusted proxy " + s + ": prefix length out of range");
                }
                list.add(new Network(addr, bits));
            }
        }
        return new TrustedProxies(List.copyOf(list));
    }

    public boolean trusts(String address) {
        if (networks.isEmpty() || address == null) {
            return false;
        }
        byte[] a;
        try {
            a = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (Network n : networks) {
            if (n.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal to bytes, refusing host names (no DNS lookups on the ping path). */
    private static byte[] literal(String s) {
        if (s.isEmpty() || !(s.indexOf(':') >= 0 || s.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            throw new IllegalArgumentException("not an IP address: " + s);
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + s, e);
        }
    }
}
