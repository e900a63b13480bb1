package dev.vigil.provisioning.inventory;

import java.util.List;

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

    /** The out-of-band watchdog that pulls failing load balancers out of DNS. */
    public record Watchdog(int intervalSeconds, int failAfter, int recoverAfter) {
    }
}
