package dev.vigil.provisioning.inventory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Settings of each role, shared by all hosts that have it. */
public record RoleSettings(Base base, App app, Db db, Lb lb, Watchdog watchdog) {

    /**
     * For every server: time zone, extra packages, admin crontab lines (validated as cron), and the admin login
     * (a user with password-less sudo and these SSH public keys; once it is set, root may no longer log in).
     */
    public record Base(String timezone, List<String> packages, List<String> rootCrontab, Optional<String> adminUser,
                       List<String> adminKeys) {
        public Base {
            packages = List.copyOf(packages);
            rootCrontab = List.copyOf(rootCrontab);
            adminKeys = List.copyOf(adminKeys);
        }
    }

    /**
     * The Vigil app server: which release, the JVM heap (e.g. 512m), the HTTP port behind the balancers, the port of
     * its dedicated ping listener (the balancers send ping traffic there), and the mail provider the local relay
     * hands outgoing mail to ({@code host:port}).
     */
    public record App(String version, String javaHeap, int httpPort, int pingPort, Optional<String> smtpRelay) {
    }

    /**
     * PostgreSQL: major version, a few tuning knobs, and where backups go: an {@code s3://bucket/prefix} URL, the
     * S3-compatible endpoint (empty for AWS), region, path-style access, and the public keys backups are encrypted
     * to (armored text, read from the files the inventory names).
     */
    public record Db(int postgresqlVersion, String sharedBuffers, String workMem, int maxConnections,
                     String backupBucket, Optional<String> backupS3Endpoint, String backupS3Region,
                     boolean backupS3PathStyle, List<KeyFile> backupRecipients) {
        public Db {
            backupRecipients = List.copyOf(backupRecipients);
        }
    }

    /** A public key file named by the inventory: its file name and its text. */
    public record KeyFile(String name, String text) {
    }

    /**
     * HAProxy load balancers (docs/load-balancers.md): connection limits, the health check of the app servers,
     * timeouts, the per-source rate limit of the ping domain, and the certificate files they serve.
     */
    public record Lb(int maxConnections, int serverMaxConnections, LbHealthCheck healthCheck, LbTimeouts timeouts,
                     LbRateLimit pingRateLimit, List<LbCertificate> certificates, java.util.Optional<LbAcme> acme) {
        public Lb {
            certificates = List.copyOf(certificates);
        }
    }

    /** The ACME CA that {@code ops lb renew} renews the certificates from, and the account's contact address. */
    public record LbAcme(java.net.URI directory, java.util.Optional<String> email) {
    }

    /** How the balancers probe each app server's {@code /health}: HAProxy's inter, fall, rise and slowstart. */
    public record LbHealthCheck(Duration inter, int fall, int rise, Duration slowstart) {
    }

    /** HAProxy's timeouts; {@code hardStopAfter} bounds how long an old worker may live after a reload. */
    public record LbTimeouts(Duration connect, Duration client, Duration server, Duration httpRequest,
                             Duration httpKeepAlive, Duration queue, Duration hardStopAfter) {
    }

    /** At most {@code requests} per {@code period} from one source address; more are answered 429. */
    public record LbRateLimit(int requests, Duration period) {
    }

    /**
     * One certificate file (PEM: the certificate, its chain and its private key), read and checked when the
     * inventory is loaded: its key type, the DNS names it covers and when it expires.
     */
    public record LbCertificate(Path file, KeyType keyType, List<String> names, Instant notAfter) {
        public LbCertificate {
            names = List.copyOf(names);
        }

        /** The DNS names of the subjectAltName extension, which is what clients check (not the CN). */
        public static List<String> dnsNames(java.security.cert.X509Certificate cert) {
            try {
                java.util.Collection<List<?>> sans = cert.getSubjectAlternativeNames();
                if (sans == null) {
                    return List.of();
                }
                List<String> names = new java.util.ArrayList<>();
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add((String) san.get(1));
                    }
                }
                return names;
            } catch (java.security.cert.CertificateParsingException e) {
                return List.of();
            }
        }

        /** Whether this certificate is valid for {@code host} (exactly, or by a one-label wildcard). */
        public boolean covers(String host) {
            return covers(names, host);
        }

        /** Whether a certificate for DNS {@code names} is valid for {@code host}. */
        public static boolean covers(List<String> names, String host) {
            String h = host.toLowerCase(java.util.Locale.ROOT);
            for (String n : names) {
                String name = n.toLowerCase(java.util.Locale.ROOT);
                if (name.equals(h) || name.startsWith("*.") && h.indexOf('.') > 0
                        && h.substring(h.indexOf('.')).equals(name.substring(1))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The two key types every name is served with: ECDSA for clients that offer it, RSA for the others. */
    public enum KeyType {
        ECDSA, RSA;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The JCA name of this type's keys, as {@code PublicKey.getAlgorithm()} says it and a generator takes it. */
        public String keyAlgorithm() {
            return this == ECDSA ? "EC" : "RSA";
        }
    }

    /**
     * The out-of-band watchdog that pulls failing load balancers (the hosts with role lb) out of the DNS records
     * of the inventory's domains. Secrets (TSIG secret, Cloudflare token) come from the environment, never from
     * here. Documented in docs/provisioning.md and docs/watchdog.md.
     */
    public record Watchdog(int intervalSeconds, int failAfter, int recoverAfter, String probePath, int probePort,
                           int probeTimeoutSeconds, Optional<Path> probeCaFile, int ttlSeconds,
                           Optional<URI> heartbeatUrl, Optional<URI> webhookUrl, Optional<WatchdogDns> dns) {
    }

    /** Where the watchdog changes records. */
    public sealed interface WatchdogDns permits Rfc2136, Cloudflare {
    }

    /** Dynamic updates (RFC 2136) signed with a TSIG key, sent to the zone's primary server. */
    public record Rfc2136(String server, int port, String zone, String tsigKeyName, String tsigAlgorithm)
            implements WatchdogDns {
    }

    /** Cloudflare's API v4 for one zone. */
    public record Cloudflare(String zoneId, URI apiUrl) implements WatchdogDns {
    }
}
