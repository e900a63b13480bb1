package dev.vigil.provisioning.inventory;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Settings of each role, shared by all hosts that have it. */
public record RoleSettings(Base base, App app, Db db, Lb lb, Watchdog watchdog) {

    /** For every server: time zone, extra packages, admin crontab lines (validated as cron). */
    public record Base(String timezone, List<String> packages, List<String> rootCrontab) {
        public Base {
            packages = List.copyOf(packages);
            rootCrontab = List.copyOf(rootCrontab);
        }
    }

    /** The Vigil app server: which release, the JVM heap (e.g. 512m) and the HTTP port behind the balancers. */
    public record App(String version, String javaHeap, int httpPort) {
    }

    /** PostgreSQL: major version, a few tuning knobs, and where backups go. */
    public record Db(int postgresqlVersion, String sharedBuffers, String workMem, int maxConnections,
                     String backupBucket) {
    }

    /** HAProxy load balancers. */
    public record Lb(int maxConnections) {
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
