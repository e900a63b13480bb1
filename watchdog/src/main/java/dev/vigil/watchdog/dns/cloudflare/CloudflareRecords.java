package dev.vigil.watchdog.dns.cloudflare;

import dev.vigil.watchdog.Addresses;
import dev.vigil.watchdog.DnsException;
import dev.vigil.watchdog.DnsRecords;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cloudflare API v4: list a name's A/AAAA records, delete one by id, create one (never proxied, so clients reach
 * the balancer itself). Authenticated with an API token that needs only Zone / DNS / Edit on the one zone.
 *
 * <p>Every answer is Cloudflare's envelope {@code {"success", "errors": [{"code", "message"}], "messages",
 * "result"}}; {@code success: false} or a non-2xx status is a {@link DnsException} quoting Cloudflare's errors.
 * A 429 is waited out (its {@code Retry-After}, at most {@link #MAX_RATE_LIMIT_WAIT}) and retried twice; the
 * token never appears in a message.
 */
public final class CloudflareRecords implements DnsRecords {

    public static final URI API = URI.create("https://api.cloudflare.com/client/v4");
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(30);
    private static final int RATE_LIMIT_RETRIES = 2;
    private static final int PER_PAGE = 100;
    private static final Pattern ZONE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How 429 waits happen; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        /**
         * The real wait: the calling thread blocks for the Retry-After time, which is right here because the
         * watchdog's round waits for the record change anyway; an interrupt (the watchdog stopping) ends it.
         */
        Pause SLEEP = d -> Thread.sleep(d.toMillis());

        void pause(Duration d) throws InterruptedException;
    }

    private final URI api;
    private final String zoneId;
    private final String token;
    private final Duration timeout;
    private final Pause pause;
    private final HttpClient http;

    public CloudflareRecords(URI api, String zoneId, String token, Duration timeout, Pause pause) {
        if (!ZONE_ID.matcher(zoneId).matches()) {
            throw new IllegalArgumentException("a Cloudflare zone id is 32 lower-case hex digits (zone overview "
                    + "page, \"API\" box), not \"" + zoneId + "\"");
        }
        if (token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            throw new IllegalArgumentException("the Cloudflare API token is empty or has spaces or control "
                    + "characters");
        }
        String base = api.toString();
        this.api = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.zoneId = zoneId;
        this.token = token;
        this.timeout = timeout;
        this.pause = pause;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public CloudflareRecords(String zoneId, String token) {
        this(API, zoneId, token, Duration.ofSeconds(10), Pause.SLEEP);
    }

    /** One record as Cloudflare lists it. */
    record Listed(String id, String type, String name, String content) {
    }

    @Override
    public Set<InetAddress> addresses(String name) {
        Set<InetAddress> out = new LinkedHashSet<>();
        for (String type : List.of("A", "AAAA")) {
            for (Listed r : list(type, name, null)) {
                out.add(literal(r.content()));
            }
        }
        return out;
    }

    @Override
    public void add(String name, InetAddress address, int ttlSeconds) {
        String type = type(address);
        String content = Addresses.text(address);
        if (!list(type, name, content).isEmpty()) {
            return;
        }
        ObjectNode body = JSON.createObjectNode()
                .put("type", type).put("name", name).put("content", content).put("ttl", ttlSeconds)
                .put("proxied", false).put("comment", "managed by vigil-watchdog");
        call("POST", "/zones/" + zoneId + "/dns_records", JSON.writeValueAsString(body),
                "create " + type + " " + name + " " + content);
    }

    @Override
    public void remove(String name, InetAddress address) {
        String type = type(address);
        String content = Addresses.text(address);
        for (Listed r : list(type, name, content)) {
            call("DELETE", "/zones/" + zoneId + "/dns_records/" + r.id(), null,
                    "delete " + type + " " + name + " " + content);
        }
    }

    @Override
    public String describe() {
        return "Cloudflare zone " + zoneId + " (" + api.getHost() + ")";
    }

    /** Records of one type and name, optionally only those with {@code content}; follows every page. */
    List<Listed> list(String type, String name, String content) {
        List<Listed> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            String query = "?type=" + type + "&name=" + encode(name) + (content == null ? "" : "&content="
                    + encode(content)) + "&page=" + page + "&per_page=" + PER_PAGE;
            JsonNode envelope = call("GET", "/zones/" + zoneId + "/dns_records" + query, null,
                    "list " + type + " " + name);
            JsonNode result = envelope.path("result");
            if (!result.isArray()) {
                throw new DnsException(describe() + ": listing " + name + " returned no result list");
            }
            for (JsonNode r : result) {
                Listed listed = new Listed(r.path("id").asString(""), r.path("type").asString(""),
                        r.path("name").asString(""), r.path("content").asString(""));
                // the API filters already; checking again guards against a filter it silently ignored
                if (listed.type().equals(type) && listed.name().equalsIgnoreCase(name)
                        && (content == null || literal(listed.content()).equals(literal(content)))) {
                    out.add(listed);
                }
            }
            int totalPages = envelope.path("result_info").path("total_pages").asInt(1);
            if (page >= totalPages) {
                return out;
            }
        }
    }

    private JsonNode call(String method, String path, String body, String what) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DnsException(describe() + " unreachable to " + what + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DnsException("interrupted while trying to " + what, e);
            }
            if (response.statusCode() == 429 && attempt < RATE_LIMIT_RETRIES) {
                waitOut(response, what);
                continue;
            }
            return envelope(response, what);
        }
    }

    private void waitOut(HttpResponse<String> response, String what) {
        Duration wait = response.headers().firstValue("Retry-After").flatMap(CloudflareRecords::seconds)
                .orElse(Duration.ofSeconds(5));
        if (wait.compareTo(MAX_RATE_LIMIT_WAIT) > 0) {
            throw new DnsException(describe() + " rate-limited " + what + " for " + wait.toSeconds()
                    + " s; trying again next round");
        }
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsException("interrupted while waiting out Cloudflare's rate limit", e);
        }
    }

    private static java.util.Optional<Duration> seconds(String header) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip()))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private JsonNode envelope(HttpResponse<String> response, String what) {
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new DnsException(describe() + " answered HTTP " + response.statusCode() + " to " + what
                    + " with something that is not JSON");
        }
        // the documented delete answer is only {"result": {"id": ...}}: a missing "success" is not a failure
        boolean ok = response.statusCode() / 100 == 2 && root.path("success").asBoolean(true);
        if (!ok) {
            List<String> errors = new ArrayList<>();
            for (JsonNode e : root.path("errors")) {
                errors.add(e.path("code").asInt(0) + " " + e.path("message").asString(""));
            }
            throw new DnsException(describe() + " refused to " + what + ": HTTP " + response.statusCode()
                    + (errors.isEmpty() ? "" : " " + String.join("; ", errors))
                    + (response.statusCode() == 401 || response.statusCode() == 403
                    ? " (the token needs Zone / DNS / Edit on this zone)" : ""));
        }
        return root;
    }

    private static String type(InetAddress address) {
        return address instanceof Inet6Address ? "AAAA" : "A";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private InetAddress literal(String text) {
        if (!text.matches("[0-9A-Fa-f:.]+")) {
            throw new DnsException(describe() + " holds an address record with content \"" + text + "\"");
        }
        try {
            return InetAddress.getByName(text);
        } catch (IOException e) {
            throw new DnsException(describe() + " holds an address record with content \"" + text + "\"", e);
        }
    }
}
