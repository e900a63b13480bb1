package dev.vigil.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Vigil check that monitors a job, reached by its ping URL: {@code /start} when the job begins, the bare
 * URL on success, {@code /fail} or {@code /<exit status>} on failure, {@code /log} for a note, each with a text
 * body (the job's output or error). All pings of one run carry the same {@code rid} so that Vigil pairs start
 * and end. This is the one Vigil client: backups, {@code ops run} and the watchdog's heartbeat use it.
 *
 * <p>Pings are retried with backoff on network errors, 429 and 5xx; a ping that still fails is handed to the
 * reporter and returned, never thrown.
 */
public final class VigilCheck {

    /** Vigil (like Healthchecks) keeps the first 100 kB of a ping body. */
    public static final int DEFAULT_BODY_LIMIT = 100_000;

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .connectTimeout(DEFAULT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private final URI pingUrl;
    /** The ping URL's own query ({@code create=1}), kept after the signal's path. */
    private final Optional<String> query;
    private final Retry retry;
    private final int bodyLimit;
    private final Duration timeout;
    private final Consumer<String> reporter;
    private final String runId = UUID.randomUUID().toString();

    private VigilCheck(URI pingUrl, Optional<String> query, Retry retry, int bodyLimit, Duration timeout,
                       Consumer<String> reporter) {
        this.pingUrl = pingUrl;
        this.query = query;
        this.retry = Objects.requireNonNull(retry);
        this.bodyLimit = bodyLimit;
        this.timeout = Objects.requireNonNull(timeout);
        this.reporter = Objects.requireNonNull(reporter);
    }

    /**
     * A check pinged at {@code pingUrl} (e.g. {@code https://vigil.example/ping/0b6c...}); failures to deliver
     * are passed to {@code reporter} as one line each.
     */
    public static VigilCheck at(URI pingUrl, Retry retry, Consumer<String> reporter) {
        String s = pingUrl.toString();
        if (!s.startsWith("http://") && !s.startsWith("https://") || pingUrl.getHost() == null) {
            throw new IllegalArgumentException("ping URL must be http(s): " + pingUrl);
        }
        if (pingUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("ping URL must not have a #fragment: " + pingUrl);
        }
        String base = s.indexOf('?') < 0 ? s : s.substring(0, s.indexOf('?'));
        URI trimmed = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        return new VigilCheck(trimmed, Optional.ofNullable(pingUrl.getRawQuery()), retry, DEFAULT_BODY_LIMIT,
                DEFAULT_TIMEOUT, reporter);
    }

    /** No check: every ping is skipped. For jobs run by hand. */
    public static VigilCheck none() {
        return new VigilCheck(null, Optional.empty(), Retry.once(), DEFAULT_BODY_LIMIT, DEFAULT_TIMEOUT, line -> { });
    }

    /** The same check with another limit for ping bodies, in bytes (a body is cut to its last bytes). */
    public VigilCheck withBodyLimit(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("body limit must be >= 0");
        }
        return new VigilCheck(pingUrl, query, retry, bytes, timeout, reporter);
    }

    /** The same check with another time limit for each request (default 10 s). */
    public VigilCheck withTimeout(Duration requestTimeout) {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return new VigilCheck(pingUrl, query, retry, bodyLimit, requestTimeout, reporter);
    }

    public int bodyLimit() {
        return bodyLimit;
    }

    public boolean enabled() {
        return pingUrl != null;
    }

    public PingResult start() {
        return send("/start", "");
    }

    public PingResult success(String body) {
        return send("", body);
    }

    public PingResult fail(String body) {
        return send("/fail", body);
    }

    /** {@code /log}: a note in the check's log that changes nothing of its state. */
    public PingResult log(String body) {
        return send("/log", body);
    }

    /** {@code /<status>}: Vigil treats 0 as success and anything else as failure. */
    public PingResult exitStatus(int status, String body) {
        return send("/" + status, body);
    }

    private PingResult send(String suffix, String body) {
        String signal = suffix.isEmpty() ? "success" : suffix;
        if (pingUrl == null) {
            return PingResult.skipped(signal);
        }
        // the signal goes on the path, before a query the URL came with (e.g. ?create=1)
        HttpRequest request = HttpRequest.newBuilder(URI.create(pingUrl + suffix + "?"
                        + query.map(q -> q + "&").orElse("") + "rid=" + runId))
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("User-Agent", "vigil-ops")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tail(body, bodyLimit)))
                .build();
        String error = null;
        int status = 0;
        int attempt = 0;
        while (attempt < retry.maxAttempts()) {
            attempt++;
            try {
                HttpResponse<Void> response = SHARED.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status / 100 == 2) {
                    return new PingResult(signal, true, attempt, status, null);
                }
                error = "HTTP " + status;
                if (status != 429 && status < 500) {
                    break; // a wrong URL does not get better by asking again
                }
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                break;
            }
            if (attempt < retry.maxAttempts()) {
                retry.pauseAfter(attempt);
            }
        }
        PingResult result = new PingResult(signal, false, attempt, status, error);
        reporter.accept(result.describe() + " (check " + redacted() + ")");
        return result;
    }

    /** The ping URL without its last path segment, which is the check's secret. */
    private String redacted() {
        String s = pingUrl.toString();
        int slash = s.lastIndexOf('/');
        return slash > "https://".length() ? s.substring(0, slash + 1) + "…" : s;
    }

    /** The last {@code limit} bytes of the UTF-8 text, so the end of a log (where errors are) survives. */
    static byte[] tail(String text, int limit) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return bytes;
        }
        TailBuffer tail = new TailBuffer(limit);
        tail.append(bytes, 0, bytes.length);
        return tail.text().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return pingUrl == null ? "VigilCheck[none]" : "VigilCheck[" + redacted() + "]";
    }
}
