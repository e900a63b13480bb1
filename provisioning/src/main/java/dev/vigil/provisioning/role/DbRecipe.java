package dev.vigil.provisioning.role;

import dev.vigil.provisioning.config.Crontab;
import dev.vigil.provisioning.config.EnvironmentFile;
import dev.vigil.provisioning.config.EnvironmentFile.Variable;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.inventory.RoleSettings;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.task.ManagedDirectory;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.MemorySizedFile;
import dev.vigil.provisioning.task.PackagesInstalled;
import dev.vigil.provisioning.task.PostgresDatabase;
import dev.vigil.provisioning.task.SystemdService;
import dev.vigil.provisioning.task.Task;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL from Debian, tuned through a conf.d file, reachable from the app servers only (pg_hba and the
 * firewall), restarted when its files change, with the app's database and login; and, when the inventory names a backup bucket, the nightly
 * encrypted backup and the pruning of old backups as cron jobs, each reporting to its own Vigil check.
 */
final class DbRecipe {

    static final String BACKUP_ENV = "/etc/vigil/backup.env";
    static final String BACKUP_KEYS = "/etc/vigil/backup-keys";

    private DbRecipe() {
    }

    /**
     * PostgreSQL's settings for a host with {@code mib} MiB of memory: the inventory's values where given, else a
     * quarter of the memory for shared buffers (the usual starting point for a dedicated server), three quarters
     * as the planner's cache estimate, and a twentieth (at most 2 GB) for maintenance work.
     */
    static String tuning(RoleSettings.Db db, String listen, long mib) {
        String shared = "auto".equals(db.sharedBuffers()) ? Math.max(128, mib / 4) + "MB" : db.sharedBuffers();
        return String.format(Locale.ROOT, """
                # Written by 'ops provision' from the inventory and this host's memory (%d MiB); edits here are
                # overwritten.
                listen_addresses = '%s'
                max_connections = %d
                shared_buffers = %s
                effective_cache_size = %dMB
                maintenance_work_mem = %dMB
                work_mem = %s
                """, mib, listen, db.maxConnections(), shared, Math.max(128, mib * 3 / 4),
                Math.min(2048, Math.max(64, mib / 20)), db.workMem());
    }

    /** Debian's unit for the cluster "main" of PostgreSQL {@code version}. */
    static String service(int version) {
        return "postgresql@" + version + "-main.service";
    }

    static List<Task> tasks(Inventory inventory, Host host, RecipeInputs inputs) {
        RoleSettings.Db db = inventory.settings().db();
        int v = db.postgresqlVersion();
        String listen = "localhost," + host.peerAddress().getHostAddress(); // where the app servers connect
        FileMeta postgres = new FileMeta("postgres", "postgres", 0644);
        MemorySizedFile tuning = new MemorySizedFile("/etc/postgresql/" + v + "/main/conf.d/vigil.conf",
                mib -> tuning(db, listen, mib), postgres);
        ManagedFile hba = ManagedFile.text("/etc/postgresql/" + v + "/main/pg_hba.conf", hba(inventory),
                new FileMeta("postgres", "postgres", 0640));
        List<Task> tasks = new ArrayList<>(List.of(PackagesInstalled.of("postgresql-" + v),
                new ManagedDirectory("/etc/postgresql/" + v + "/main/conf.d", new FileMeta("postgres", "postgres",
                        0755)),
                tuning, hba,
                SystemdService.existing(service(v), tuning, hba),
                new PostgresDatabase("vigil", "vigil", inputs.secrets().require(AppRecipe.DB_PASSWORD,
                        "the db recipe"))));
        if (db.backupBucket() != null) {
            tasks.addAll(backups(db, inputs));
        }
        return tasks;
    }

    /** Local peers as Debian sets them up; over the network only the app servers, to the vigil database. */
    static String hba(Inventory inventory) {
        StringBuilder b = new StringBuilder("""
                # Written by 'ops provision' from the inventory; edits here are overwritten.
                # TYPE  DATABASE  USER      ADDRESS          METHOD
                local   all       postgres                   peer
                local   all       all                        peer
                host    all       all       127.0.0.1/32     scram-sha-256
                host    all       all       ::1/128          scram-sha-256
                """);
        for (Host app : inventory.withRole(Role.APP)) {
            InetAddress a = app.peerAddress();
            String cidr = a.getHostAddress() + (a instanceof Inet4Address ? "/32" : "/128");
            b.append(String.format(Locale.ROOT, "host    vigil     vigil     %-16s scram-sha-256  # %s%n", cidr,
                    app.name()));
        }
        return b.toString();
    }

    private static List<Task> backups(RoleSettings.Db db, RecipeInputs inputs) {
        if (db.backupRecipients().isEmpty()) {
            throw new IllegalArgumentException("roles.db.backup_bucket is set but backup_recipients is empty: "
                    + "backups need the public keys to encrypt to");
        }
        Secrets secrets = inputs.secrets();
        String what = "the db recipe's backups";
        String bucketUrl = db.backupBucket().substring("s3://".length());
        int slash = bucketUrl.indexOf('/');
        String bucket = slash < 0 ? bucketUrl : bucketUrl.substring(0, slash);
        String prefix = slash < 0 || slash == bucketUrl.length() - 1 ? "vigil" : bucketUrl.substring(slash + 1);

        List<Variable> env = new ArrayList<>();
        db.backupS3Endpoint().ifPresent(e -> env.add(Variable.quoted("VIGIL_BACKUP_S3_ENDPOINT", e)));
        env.add(Variable.quoted("VIGIL_BACKUP_S3_REGION", db.backupS3Region()));
        env.add(Variable.quoted("VIGIL_BACKUP_S3_BUCKET", bucket));
        env.add(Variable.plain("VIGIL_BACKUP_S3_PATH_STYLE", db.backupS3PathStyle()));
        env.add(Variable.quoted("VIGIL_BACKUP_S3_ACCESS_KEY", secrets.require("backup.s3_access_key", what)));
        env.add(Variable.quoted("VIGIL_BACKUP_S3_SECRET_KEY", secrets.require("backup.s3_secret_key", what)));
        env.add(Variable.quoted("VIGIL_BACKUP_PING_URL", secrets.require("backup.ping_url", what)));
        env.add(Variable.quoted("VIGIL_PRUNE_PING_URL", secrets.require("backup.prune_ping_url", what)));

        List<Task> tasks = new ArrayList<>(OpsTool.tasks(inputs.requireOpsJar(what)));
        tasks.add(new ManagedDirectory(BACKUP_KEYS, FileMeta.rootOwned(0755)));
        StringBuilder recipients = new StringBuilder();
        for (RoleSettings.KeyFile key : db.backupRecipients()) {
            tasks.add(ManagedFile.text(BACKUP_KEYS + "/" + key.name(), key.text(), FileMeta.rootOwned(0644)));
            recipients.append(" --recipient ").append(BACKUP_KEYS).append('/').append(key.name());
        }
        // the jobs run as postgres, which reaches the local server through the socket; so it owns the settings
        tasks.add(new ManagedFile(BACKUP_ENV, EnvironmentFile.of("Written by 'ops provision' from the inventory and "
                + "the secrets.", env).shell().getBytes(StandardCharsets.UTF_8),
                new FileMeta("postgres", "postgres", 0600), true));
        // a broken line fails here, when the crontab is made, not silently in cron at night
        Crontab cron = Crontab.opsJobs("Written by 'ops provision': nightly Vigil backup, each job monitored by its "
                        + "own Vigil check.",
                Crontab.Job.as("postgres", "15 2 * * *", ". " + BACKUP_ENV + " && ops backup run --database vigil "
                        + "--prefix " + prefix + recipients + " --ping-url \"$VIGIL_BACKUP_PING_URL\""),
                Crontab.Job.as("postgres", "45 3 * * *", ". " + BACKUP_ENV + " && ops run --ping-url "
                        + "\"$VIGIL_PRUNE_PING_URL\" --timeout 900 -- ops backup prune --prefix " + prefix
                        + " --keep-days 60 --keep-min 7"));
        tasks.add(ManagedFile.text("/etc/cron.d/vigil-backup", cron.render(), FileMeta.rootOwned(0644)));
        return tasks;
    }
}
