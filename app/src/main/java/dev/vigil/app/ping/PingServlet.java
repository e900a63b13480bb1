package dev.vigil.app.ping;

import dev.vigil.app.bodies.BodyStorage;
import dev.vigil.app.bodies.SpooledBody;
import dev.vigil.app.checks.PingSignal;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ping API, wire-compatible with Healthchecks: {@code /ping/<uuid>[/start|/fail|/log|/<exit status>]} and
 * {@code /ping/<ping key>/<slug>[...]}, any HTTP method. A plain async servlet rather than a JAX-RS resource: this is
 * the hottest path of the service, and the answer comes from the group-commit writer on another thread.
 */
@WebServlet(urlPatterns = "/ping/*", asyncSupported = true)
public class PingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final long ASYNC_TIMEOUT_MS = 60_000;
    private static final int MAX_UA = 200;
    private static final byte[] NO_BYTES = new byte[0];

    @Inject
    transient PingCommitter committer;

    @Inject
    transient PingSettings settings;

    @Inject
    transient BodyStorage bodies;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        if ("OPTIONS".equals(method)) {
            preflight(resp);
            return;
        }
        boolean head = "HEAD".equals(method);
        PingUrl url;
        PingSignal signal;
        boolean create;
        try {
            String path = req.getPathInfo();
            url = PingUrl.parse(path == null ? "" : path.substring(1));
            String query = req.getQueryString();
            signal = new PingSignal(url.kind(), url.exitStatus(), method, PingUrl.parseRid(param(query, "rid")));
            create = url.bySlug() && "1".equals(param(query, "create"));
        } catch (PingUrl.Rejected e) {
            answer(resp, e.status(), e.getMessage(), head);
            return;
        }
        Instant received = Instant.now();
        Body body = readBody(req.getInputStream(), settings.bodyLimit());
        byte[] kept = body.kept();
        SpooledBody spooled = null;
        if (bodies.offloads(kept.length)) {
            try {
                spooled = bodies.stage(kept); // synced to disk before the ping can be committed
                kept = NO_BYTES;
            } catch (IOException e) {
                getServletContext().log("cannot spool a ping body; answering 503: " + e.getMessage());
                answer(resp, PingResult.UNAVAILABLE.status(), PingResult.UNAVAILABLE.body(), head);
                return;
            }
        }
        String peer = req.getRemoteAddr();
        boolean viaProxy = settings.trustedProxies().trusts(peer);
        PingRequest ping = new PingRequest(url, signal, create, received,
                scheme(req, viaProxy), remoteAddress(req, peer, viaProxy), userAgent(req), kept, body.size(), spooled);

        AsyncContext async = req.startAsync();
        async.setTimeout(ASYNC_TIMEOUT_MS);
        AtomicBoolean answered = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                finish(async, answered, PingResult.UNAVAILABLE, head);
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
                answered.set(true);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        if (!committer.submit(ping, result -> finish(async, answered, result, head))) {
            if (spooled != null) {
                bodies.discard(spooled);
            }
            finish(async, answered, PingResult.UNAVAILABLE, head);
        }
    }

    private void finish(AsyncContext async, AtomicBoolean answered, PingResult result, boolean head) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            answer((HttpServletResponse) async.getResponse(), result.status(), result.body(), head);
        } catch (IOException e) {
            // the client went away; the ping itself is committed (or not) regardless
        } finally {
            async.complete();
        }
    }

    private void answer(HttpServletResponse resp, int status, String text, boolean head) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0");
        resp.setHeader("Ping-Body-Limit", Integer.toString(settings.bodyLimit()));
        resp.setContentLength(bytes.length);
        if (!head) {
            resp.getOutputStream().write(bytes);
        }
    }

    private static void preflight(HttpServletResponse resp) {
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST");
        resp.setHeader("Access-Control-Allow-Headers", "*");
        resp.setHeader("Access-Control-Max-Age", "86400");
    }

    private record Body(byte[] kept, long size) {
    }

    /** Keeps the first {@code limit} bytes and reads the rest away, so the connection stays usable. */
    static Body readBody(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buf = new byte[8192];
        long size = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            int room = (int) Math.max(0, Math.min(n, limit - size));
            if (room > 0) {
                kept.write(buf, 0, room);
            }
            size += n;
        }
        return new Body(kept.toByteArray(), size);
    }

    private static String scheme(HttpServletRequest req, boolean viaProxy) {
        String forwarded = viaProxy ? req.getHeader("X-Forwarded-Proto") : null;
        return forwarded == null || forwarded.isBlank() ? req.getScheme() : forwarded.strip().toLowerCase();
    }

    private static String remoteAddress(HttpServletRequest req, String peer, boolean viaProxy) {
        String forwarded = viaProxy ? req.getHeader("X-Forwarded-For") : null;
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        int comma = forwarded.indexOf(',');
        String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
        // "1.2.3.4:5678" → "1.2.3.4"; IPv6 addresses contain colons and are left alone
        if (first.indexOf(':') == first.lastIndexOf(':') && first.indexOf(':') > 0) {
            first = first.substring(0, first.indexOf(':'));
        }
        return first.length() > 100 ? first.substring(0, 100) : first;
    }

    private static String userAgent(HttpServletRequest req) {
        String ua = req.getHeader("User-Agent");
        return ua == null ? null : ua.length() > MAX_UA ? ua.substring(0, MAX_UA) : ua;
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
}
