package dev.vigil.app.ping;

import dev.vigil.app.checks.PingSignal;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What a ping request asks for, read from its method, path and query string before its body: the check (by UUID or
 * by slug), the signal, and whether {@code ?create=1} may create the check. Both listeners read requests this way.
 */
public record PingTarget(PingUrl url, PingSignal signal, boolean create) {

    private static final String PREFIX = "/ping";

    /**
     * @param path  the part of the path after {@code /ping/}, decoded, e.g. {@code 5f3c.../start}
     * @param query the raw query string, or null
     */
    public static PingTarget parse(String method, String path, String query) throws PingUrl.Rejected {
        PingUrl url = PingUrl.parse(path);
        PingSignal signal = new PingSignal(url.kind(), url.exitStatus(), method, PingUrl.parseRid(param(query, "rid")));
        return new PingTarget(url, signal, url.bySlug() && "1".equals(param(query, "create")));
    }

    /**
     * The path of a request target as the servlet container gives the ping servlet its path info: the part after
     * {@code /ping/}, percent-decoded, without {@code ;parameters}; {@code ""} for {@code /ping} itself, and null
     * for a path outside the ping API. Takes origin form ({@code /ping/...?q}) and absolute form
     * ({@code http://host/ping/...}).
     */
    public static String pingPath(String requestTarget) {
        int start = 0;
        int scheme = requestTarget.indexOf("://");
        if (scheme > 0 && requestTarget.indexOf('/') > scheme) {
            int slash = requestTarget.indexOf('/', scheme + 3);
            if (slash < 0) {
                return null;
            }
            start = slash;
        }
        int end = requestTarget.indexOf('?', start);
        String path = decode(withoutParameters(requestTarget.substring(start, end < 0 ? requestTarget.length() : end)));
        if (path.equals(PREFIX)) {
            return "";
        }
        return path.startsWith(PREFIX + "/") ? path.substring(PREFIX.length() + 1) : null;
    }

    /** The raw query string of a request target, or null when it has none. */
    public static String query(String requestTarget) {
        int q = requestTarget.indexOf('?');
        return q < 0 ? null : requestTarget.substring(q + 1);
    }

    /** A query parameter, read from the query string only: request.getParameter would consume a form body. */
    static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Drops {@code ;name=value} path parameters from each segment, as servlet containers do. */
    private static String withoutParameters(String path) {
        if (path.indexOf(';') < 0) {
            return path;
        }
        StringBuilder b = new StringBuilder(path.length());
        boolean skipping = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ';') {
                skipping = true;
            } else if (c == '/') {
                skipping = false;
            }
            if (!skipping) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Percent-decoding of a path (UTF-8; unlike a query, '+' stays '+'); a malformed escape is left as it is. */
    private static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int hi = c == '%' && i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(raw, 0, raw.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
