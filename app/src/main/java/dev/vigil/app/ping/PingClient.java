package dev.vigil.app.ping;

import java.util.Locale;
import java.util.function.Function;

/**
 * Who sent a ping, as it is stored with it: the scheme and address the client used (from X-Forwarded-Proto and
 * X-Forwarded-For only when the connection comes from a trusted proxy) and its user agent, cut to
 * {@value #MAX_USER_AGENT} characters.
 */
public record PingClient(String scheme, String remoteAddr, String userAgent) {

    static final int MAX_USER_AGENT = 200;
    private static final int MAX_ADDRESS = 100;

    /**
     * @param peer             the address of the connection's other end
     * @param connectionScheme the scheme of the connection itself ({@code http} behind a TLS-terminating proxy)
     * @param header           the request's headers by name (null when absent)
     */
    public static PingClient of(TrustedProxies trusted, String peer, String connectionScheme,
            Function<String, String> header) {
        boolean viaProxy = trusted.trusts(peer);
        String proto = viaProxy ? header.apply("X-Forwarded-Proto") : null;
        String scheme = proto == null || proto.isBlank() ? connectionScheme : proto.strip().toLowerCase(Locale.ROOT);
        String forwarded = viaProxy ? header.apply("X-Forwarded-For") : null;
        return new PingClient(scheme, forwarded == null || forwarded.isBlank() ? peer : firstAddress(forwarded),
                userAgent(header.apply("User-Agent")));
    }

    /** The client's own address from an X-Forwarded-For list: the first entry, without a port. */
    private static String firstAddress(String forwarded) {
        int comma = forwarded.indexOf(',');
        String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
        // "1.2.3.4:5678" → "1.2.3.4"; IPv6 addresses contain colons and are left alone
        if (first.indexOf(':') == first.lastIndexOf(':') && first.indexOf(':') > 0) {
            first = first.substring(0, first.indexOf(':'));
        }
        return first.length() > MAX_ADDRESS ? first.substring(0, MAX_ADDRESS) : first;
    }

    private static String userAgent(String ua) {
        return ua == null || ua.length() <= MAX_USER_AGENT ? ua : ua.substring(0, MAX_USER_AGENT);
    }
}
