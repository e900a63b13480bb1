package dev.vigil.app.ping;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * What a request to the ping API is answered with, on either listener: a status and a short plain-text body with the
 * headers every answer carries, or the CORS preflight's 204. The headers come from here only, so that the servlet
 * and the fast listener cannot drift apart.
 */
public final class PingAnswer {

    static final String CONTENT_TYPE = "text/plain; charset=utf-8";
    static final String CACHE_CONTROL = "no-cache, no-store, must-revalidate, max-age=0";

    private static final PingAnswer[] RESULTS = new PingAnswer[PingResult.values().length];

    static {
        for (PingResult r : PingResult.values()) {
            RESULTS[r.ordinal()] = new PingAnswer(r.status(), r.body(), false);
        }
    }

    /** The answer to OPTIONS: a CORS preflight, not a ping. */
    public static final PingAnswer PREFLIGHT = new PingAnswer(204, "", true);
    public static final PingAnswer NOT_FOUND = of(PingResult.NOT_FOUND);

    private final int status;
    private final String text;
    private final byte[] bytes;
    private final boolean preflight;

    private PingAnswer(int status, String text, boolean preflight) {
        this.status = status;
        this.text = text;
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.preflight = preflight;
    }

    /** A plain-text answer with the usual headers. */
    public PingAnswer(int status, String text) {
        this(status, text, false);
    }

    public static PingAnswer of(PingResult result) {
        return RESULTS[result.ordinal()];
    }

    public static PingAnswer of(PingUrl.Rejected rejected) {
        return new PingAnswer(rejected.status(), rejected.getMessage(), false);
    }

    public int status() {
        return status;
    }

    public String text() {
        return text;
    }

    /** The body, UTF-8; its length is the Content-Length, also for HEAD (which sends no body). */
    public byte[] bytes() {
        return bytes;
    }

    /** A preflight has no body and no Content-Length (204), and CORS headers instead of the usual ones. */
    public boolean preflight() {
        return preflight;
    }

    /** Calls {@code header} for each header of this answer, Content-Length aside, in the order they are sent. */
    public void headers(int bodyLimit, BiConsumer<String, String> header) {
        if (preflight) {
            header.accept("Access-Control-Allow-Origin", "*");
            header.accept("Access-Control-Allow-Methods", "GET, HEAD, POST");
            header.accept("Access-Control-Allow-Headers", "*");
            header.accept("Access-Control-Max-Age", "86400");
        } else {
            header.accept("Access-Control-Allow-Origin", "*");
            header.accept("Cache-Control", CACHE_CONTROL);
            header.accept("Ping-Body-Limit", Integer.toString(bodyLimit));
            header.accept("Content-Type", CONTENT_TYPE);
        }
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
