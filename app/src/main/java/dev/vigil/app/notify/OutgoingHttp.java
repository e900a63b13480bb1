package dev.vigil.app.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Sends the requests of HTTP-based channels: checks the target against the {@link AddressGuard}, limits each attempt
 * to a timeout, does not follow redirects (they could lead to a private address), reads at most a few hundred bytes
 * of the answer for the error text, and turns the outcome into a {@link SendResult}.
 */
public final class OutgoingHttp {

    static final int ERROR_TEXT_LIMIT = 300;
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final HttpClient client;
    private final Duration timeout;
    private final AddressGuard guard;

    public OutgoingHttp(Duration timeout, boolean allowPrivate) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with every webhook receiver
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.guard = new AddressGuard(allowPrivate);
    }

    /**
     * Sends {@code request} to {@code uri}.
     *
     * @param shownUri the address as it may appear in error texts (without tokens in the path)
     */
    public SendResult send(URI uri, HttpRequest.Builder request, String shownUri) {
        try {
            String refusal = guard.refusal(uri.getHost());
            if (refusal != null) {
                return new SendResult.Failed(refusal);
            }
        } catch (UnknownHostException e) {
            return new SendResult.Retry("cannot resolve " + uri.getHost(), null);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.uri(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new SendResult.Retry("no answer from " + shownUri + " within " + timeout.toMillis() + " ms", null);
        } catch (IOException e) {
            return new SendResult.Retry("cannot reach " + shownUri + ": " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry("interrupted (the sender is stopping)", null);
        }
        int status = response.statusCode();
        String text = startOf(response);
        String error = "HTTP " + status + " from " + shownUri + (text.isEmpty() ? "" : ": " + text);
        if (status >= 200 && status < 300) {
            return SendResult.sent();
        }
        if (status == 410) {
            return new SendResult.Gone(error);
        }
        if (status == 429 || status >= 500) {
            return new SendResult.Retry(error, retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status >= 300 && status < 400) {
            return new SendResult.Failed(error + " (redirects are not followed; use the final address)");
        }
        return new SendResult.Failed(error);
    }

    /** POSTs a JSON document; the error texts show only the scheme and host of {@code uri} (webhook URLs are secrets). */
    public SendResult postJson(URI uri, jakarta.json.JsonObject document) {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(document.toString()));
        return send(uri, request, uri.getScheme() + "://" + uri.getAuthority() + "/...");
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. Capped at an hour. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(ZonedDateTime.now(when.getZone()), when);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    private static String startOf(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] head = in.readNBytes(ERROR_TEXT_LIMIT);
            return new String(head, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            return "";
        }
    }
}
