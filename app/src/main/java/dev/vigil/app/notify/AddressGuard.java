package dev.vigil.app.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses outgoing requests to this machine and private networks (server-side request forgery: a user's webhook
 * URL must not reach the database or a cloud metadata service). Off switch: {@code VIGIL_ALLOW_PRIVATE_ADDRESSES}.
 * The host is resolved here and the request resolves it again; a DNS answer that changes in between (rebinding)
 * is not caught, so deployments that need certainty also filter at the firewall.
 */
public final class AddressGuard {

    private final boolean allowPrivate;

    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Null when the host may be reached, else why not. */
    public String refusal(String host) throws UnknownHostException {
        if (allowPrivate) {
            return null;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress a : InetAddress.getAllByName(bare)) {
            if (isPrivate(a)) {
                return "refusing to send to " + host + " (" + a.getHostAddress() + "): a private or loopback address "
                        + "(set VIGIL_ALLOW_PRIVATE_ADDRESSES=true to allow it)";
            }
        }
        return null;
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240;                            // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;                       // unique local addresses, fc00::/7
        }
        return false;
    }
}
