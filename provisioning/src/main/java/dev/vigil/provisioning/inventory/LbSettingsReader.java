package dev.vigil.provisioning.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code roles.lb}: limits, health check, timeouts, the ping rate limit and the certificate files. The
 * certificate files are opened and checked here (a PEM certificate and a private key, of the key type the entry
 * says), so a missing or wrong file fails when the inventory is loaded, before any server is touched.
 */
final class LbSettingsReader {

    static final Set<String> KEYS = Set.of("max_connections", "server_max_connections", "health_check", "timeouts",
            "ping_rate_limit", "certificates", "acme");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final Pattern CERT_BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");
    private static final Pattern KEY_BLOCK = Pattern.compile("-----BEGIN (EC |RSA )?PRIVATE KEY-----");
    private static final long MAX_PEM_BYTES = 1 << 20;

    private LbSettingsReader() {
    }

    static RoleSettings.Lb read(NodeReader lb, Function<String, Path> path) {
        NodeReader h = lb.mapping("health_check", Set.of("inter", "fall", "rise", "slowstart"));
        RoleSettings.LbHealthCheck check = new RoleSettings.LbHealthCheck(duration(h, "inter", "2s"),
                h.integer("fall", 3, 1, 100), h.integer("rise", 2, 1, 100), duration(h, "slowstart", "10s"));
        NodeReader t = lb.mapping("timeouts", Set.of("connect", "client", "server", "http_request",
                "http_keep_alive", "queue", "hard_stop_after"));
        RoleSettings.LbTimeouts timeouts = new RoleSettings.LbTimeouts(duration(t, "connect", "5s"),
                duration(t, "client", "30s"), duration(t, "server", "30s"), duration(t, "http_request", "10s"),
                duration(t, "http_keep_alive", "10s"), duration(t, "queue", "10s"),
                duration(t, "hard_stop_after", "60s"));
        NodeReader r = lb.mapping("ping_rate_limit", Set.of("requests", "period"));
        RoleSettings.LbRateLimit rate = new RoleSettings.LbRateLimit(r.integer("requests", 100, 1, 1_000_000),
                duration(r, "period", "10s"));
        List<RoleSettings.LbCertificate> certs = new ArrayList<>();
        lb.list("certificates", (item, itemPath) -> {
            NodeReader c = NodeReader.of(lb.file(), itemPath, item, Set.of("ecdsa", "rsa"));
            for (RoleSettings.KeyType type : RoleSettings.KeyType.values()) {
                if (!c.has(type.id())) {
                    throw NodeReader.problem(lb.file(), item.location(), itemPath, "missing \"" + type.id()
                            + "\": every name is served with an ECDSA and an RSA certificate");
                }
                certs.add(certificate(c, type, path.apply(c.string(type.id()))));
            }
            return item;
        });
        return new RoleSettings.Lb(lb.integer("max_connections", 4096, 1, 1_000_000),
                lb.integer("server_max_connections", 200, 1, 100_000), check, timeouts, rate, certs, acme(lb));
    }

    /** {@code acme: {directory: URL, email: ADDRESS}}: where {@code ops lb renew} renews the certificates. */
    private static Optional<RoleSettings.LbAcme> acme(NodeReader lb) {
        if (!lb.has("acme")) {
            return Optional.empty();
        }
        NodeReader a = lb.mapping("acme", Set.of("directory", "email"));
        String directory = a.string("directory");
        URI uri;
        try {
            uri = new URI(directory);
        } catch (URISyntaxException e) {
            throw a.problemAt("directory", "not a URL: " + e.getMessage());
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw a.problemAt("directory", "expected the CA's https:// directory URL (Let's Encrypt: "
                    + "https://acme-v02.api.letsencrypt.org/directory), not \"" + directory + "\"");
        }
        String email = a.string("email", "");
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw a.problemAt("email", "not an email address: \"" + email + "\"");
        }
        return Optional.of(new RoleSettings.LbAcme(uri, email.isEmpty() ? Optional.empty() : Optional.of(email)));
    }

    private static Duration duration(NodeReader r, String key, String fallback) {
        String text = r.has(key) ? r.string(key) : fallback;
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw r.problemAt(key, "expected a duration like 500ms, 2s, 5m, 1h or 1d, not \"" + text + "\"");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero()) {
            throw r.problemAt(key, "must be more than zero");
        }
        return d;
    }

    private static RoleSettings.LbCertificate certificate(NodeReader c, RoleSettings.KeyType type, Path file) {
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw c.problemAt(type.id(), "certificate file " + file + " does not exist");
            }
            if (Files.size(file) > MAX_PEM_BYTES) {
                throw c.problemAt(type.id(), file + " is larger than 1 MiB: not a PEM certificate file");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw c.problemAt(type.id(), "cannot read " + file + ": " + e.getMessage());
        }
        Matcher m = CERT_BLOCK.matcher(text);
        if (!m.find()) {
            throw c.problemAt(type.id(), file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        if (!KEY_BLOCK.matcher(text).find()) {
            throw c.problemAt(type.id(), file + " holds no private key: HAProxy wants the certificate, its chain "
                    + "and the key in one PEM file");
        }
        X509Certificate cert;
        try (InputStream in = new ByteArrayInputStream(Base64.getMimeDecoder().decode(m.group(1)))) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException | IllegalArgumentException | IOException e) {
            throw c.problemAt(type.id(), file + ": not a readable X.509 certificate: " + e.getMessage());
        }
        String algorithm = cert.getPublicKey().getAlgorithm();
        String expected = type.keyAlgorithm();
        if (!algorithm.equals(expected)) {
            throw c.problemAt(type.id(), file + " holds an " + algorithm + " certificate, expected " + expected);
        }
        List<String> names = RoleSettings.LbCertificate.dnsNames(cert);
        if (names.isEmpty()) {
            throw c.problemAt(type.id(), file + ": the certificate names no DNS name (subjectAltName)");
        }
        return new RoleSettings.LbCertificate(file, type, names, cert.getNotAfter().toInstant());
    }
}
