package dev.vigil.provisioning.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads {@code roles.watchdog}: probe, rhythm, TTL, where to report, and the DNS provider. */
final class WatchdogSettingsReader {

    static final Set<String> KEYS = Set.of("interval_seconds", "fail_after", "recover_after", "probe_path",
            "probe_port", "probe_timeout_seconds", "probe_ca_file", "ttl_seconds", "heartbeat_url", "webhook_url",
            "dns");
    private static final Set<String> RFC2136_KEYS = Set.of("kind", "server", "port", "zone", "tsig_key_name",
            "tsig_algorithm");
    private static final Set<String> CLOUDFLARE_KEYS = Set.of("kind", "zone_id", "api_url");
    private static final List<String> TSIG_ALGORITHMS = List.of("hmac-sha256", "hmac-sha384", "hmac-sha512",
            "hmac-sha224", "hmac-sha1");
    private static final Pattern ZONE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?i)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.?");
    private static final Pattern SERVER = Pattern.compile("[0-9A-Za-z.:-]+");

    private WatchdogSettingsReader() {
    }

    static RoleSettings.Watchdog read(NodeReader w, Function<String, Path> path) {
        String probePath = w.string("probe_path", "/health");
        if (!probePath.startsWith("/") || probePath.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            throw w.problemAt("probe_path", "must start with / and have no spaces, not \"" + probePath + "\"");
        }
        Optional<Path> ca = w.has("probe_ca_file") ? Optional.of(path.apply(w.string("probe_ca_file")))
                : Optional.empty();
        return new RoleSettings.Watchdog(w.integer("interval_seconds", 10, 1, 3600),
                w.integer("fail_after", 3, 1, 100), w.integer("recover_after", 5, 1, 100), probePath,
                w.integer("probe_port", 443, 1, 65535), w.integer("probe_timeout_seconds", 5, 1, 60), ca,
                w.integer("ttl_seconds", 60, 1, 86_400), url(w, "heartbeat_url"), url(w, "webhook_url"),
                dns(w));
    }

    private static Optional<URI> url(NodeReader r, String key) {
        if (!r.has(key)) {
            return Optional.empty();
        }
        return Optional.of(r.parsed(key, text -> {
            try {
                URI uri = new URI(text);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("expected an http(s) URL, not \"" + text + "\"");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + e.getMessage());
            }
        }));
    }

    private static Optional<RoleSettings.WatchdogDns> dns(NodeReader w) {
        if (!w.has("dns")) {
            return Optional.empty();
        }
        Set<String> all = new java.util.HashSet<>(RFC2136_KEYS);
        all.addAll(CLOUDFLARE_KEYS);
        NodeReader d = w.mapping("dns", all);
        String kind = d.string("kind");
        Set<String> allowed = switch (kind) {
            case "rfc2136" -> RFC2136_KEYS;
            case "cloudflare" -> CLOUDFLARE_KEYS;
            default -> throw d.problemAt("kind", "unknown DNS provider \"" + kind + "\"; kinds are rfc2136, "
                    + "cloudflare");
        };
        for (String key : all) {
            if (!allowed.contains(key) && d.has(key)) {
                throw d.problemAt(key, "not a setting of kind " + kind + "; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        if (kind.equals("cloudflare")) {
            String zoneId = d.string("zone_id");
            if (!ZONE_ID.matcher(zoneId).matches()) {
                throw d.problemAt("zone_id", "a Cloudflare zone id is 32 lower-case hex digits, not \"" + zoneId
                        + "\"");
            }
            URI api = url(d, "api_url").orElse(URI.create("https://api.cloudflare.com/client/v4"));
            return Optional.of(new RoleSettings.Cloudflare(zoneId, api));
        }
        String server = d.string("server");
        if (!SERVER.matcher(server).matches()) {
            throw d.problemAt("server", "expected a host name or IP address, not \"" + server + "\"");
        }
        String algorithm = d.string("tsig_algorithm", "hmac-sha256");
        if (!TSIG_ALGORITHMS.contains(algorithm)) {
            throw d.problemAt("tsig_algorithm", "unknown TSIG algorithm \"" + algorithm + "\"; use one of "
                    + String.join(", ", TSIG_ALGORITHMS));
        }
        return Optional.of(new RoleSettings.Rfc2136(server, d.integer("port", 53, 1, 65535),
                dnsName(d, "zone"), dnsName(d, "tsig_key_name"), algorithm));
    }

    private static String dnsName(NodeReader d, String key) {
        String name = d.string(key);
        if (!DNS_NAME.matcher(name).matches()) {
            throw d.problemAt(key, "not a DNS name: \"" + name + "\"");
        }
        return name;
    }
}
