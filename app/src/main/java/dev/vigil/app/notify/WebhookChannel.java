package dev.vigil.app.notify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request of the user's design, separately for "down" and "up":
 * <pre>{"down": {"method": "POST", "url": "https://...", "headers": {"Content-Type": "application/json"},
 *           "body": "{\"check\": \"$NAME\", \"status\": \"$STATUS\"}"},
 *  "up":   {"method": "GET", "url": "https://...?check=$CODE&amp;status=$STATUS"}}</pre>
 * A status without a URL sends nothing. Placeholders ({@link Placeholders}) work in the URL, header values and
 * body; in a body whose Content-Type mentions "json", or that starts with "{" or "[", they are JSON-escaped.
 * <p>With a {@code "secret"} (16 to 256 characters) every request is signed: {@code X-Vigil-Timestamp} carries the
 * Unix time of the attempt and {@code X-Vigil-Signature} is {@code v1=} and the hex HMAC-SHA256, keyed with the
 * secret, of the timestamp, a full stop and the body ({@link WebhookSignature}). A receiver recomputes it and
 * refuses old timestamps, so a captured request can be neither altered nor replayed later.
 */
public final class WebhookChannel implements Channel {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade");

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        boolean any = false;
        for (String status : new String[] {"down", "up"}) {
            SettingsReader spec = r.object(status);
            if (spec.optional("url", "").isBlank()) {
                continue;
            }
            any = true;
            // placeholders may stand anywhere, so check the URL with harmless stand-ins
            spec.url("url", spec.optional("url", "").replaceAll("\\$[A-Z]+", "x"));
            String method = spec.optional("method", "POST");
            if (!METHODS.contains(method)) {
                throw spec.invalid("method", "must be one of GET, POST, PUT, PATCH, DELETE (got \"" + method + "\")");
            }
            SettingsReader headers = spec.object("headers");
            for (Map.Entry<String, JsonValue> h : headers.json().entrySet()) {
                if (!(h.getValue() instanceof JsonString value)) {
                    throw headers.invalid(h.getKey(), "must be a string");
                }
                if (!h.getKey().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                    throw headers.invalid(h.getKey(), "is not a valid header name");
                }
                if (RESTRICTED_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    throw headers.invalid(h.getKey(), "cannot be set (the HTTP client sets it)");
                }
                if (value.getString().indexOf('\r') >= 0 || value.getString().indexOf('\n') >= 0) {
                    throw headers.invalid(h.getKey(), "must not contain line breaks");
                }
            }
            spec.optional("body", "");
        }
        if (r.has("secret") && !r.optional("secret", "").matches("[\\x21-\\x7e]{16,256}")) {
            throw r.invalid("secret", "must be 16 to 256 printable characters without spaces");
        }
        if (!any) {
            throw r.invalid("down.url", "or settings.up.url is required (a webhook with no URL sends nothing)");
        }
    }

    @Override
    public Map<String, URI> destinations(JsonObject settings) {
        Map<String, URI> urls = new LinkedHashMap<>();
        SettingsReader r = new SettingsReader(settings);
        for (String status : new String[] {"down", "up"}) {
            String url = r.object(status).optional("url", "");
            if (!url.isBlank()) { // a placeholder in the host name leaves a host that does not resolve: not judged
                urls.put(status + ".url", r.object(status).url("url", url.replaceAll("\\$[A-Z]+", "x")));
            }
        }
        return urls;
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        SettingsReader spec = new SettingsReader(channel.settings()).object(alert.down() ? "down" : "up");
        String url = spec.optional("url", "");
        if (url.isBlank()) {
            return SendResult.sent(); // nothing configured for this status: nothing to do
        }
        URI uri = spec.url("url", Placeholders.expand(url, alert, Placeholders.Target.URL));
        HttpRequest.Builder request = HttpRequest.newBuilder();
        boolean jsonBody = false;
        for (Map.Entry<String, JsonValue> h : spec.object("headers").json().entrySet()) {
            String value = Placeholders.expand(((JsonString) h.getValue()).getString(), alert,
                    Placeholders.Target.TEXT).replaceAll("[\r\n]", " ");
            request.header(h.getKey(), value);
            if (h.getKey().equalsIgnoreCase("Content-Type") && value.toLowerCase(Locale.ROOT).contains("json")) {
                jsonBody = true;
            }
        }
        String template = spec.optional("body", "");
        String trimmed = template.stripLeading();
        jsonBody |= trimmed.startsWith("{") || trimmed.startsWith("[");
        String body = Placeholders.expand(template, alert,
                jsonBody ? Placeholders.Target.JSON : Placeholders.Target.TEXT);
        String secret = new SettingsReader(channel.settings()).optional("secret", "");
        if (!secret.isEmpty()) {
            long timestamp = java.time.Instant.now().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
            request.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        }
        String method = spec.optional("method", "POST");
        request.method(method, body.isEmpty() && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return context.http().send(uri, request, uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath());
    }
}
