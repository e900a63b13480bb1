package dev.vigil.ops.backup;

import dev.vigil.backup.BackupPruner;
import dev.vigil.backup.PruneResult;
import dev.vigil.backup.RetentionPolicy;
import dev.vigil.backup.store.S3ObjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops backup prune}: delete old backups, never the newest few of each database. */
@Command(name = "prune",
        description = {"Delete the backups older than --keep-days, but never the newest --keep-min of each "
                + "database, so that a backup job that stopped working does not see its last good backups go.",
                "Each object goes before its manifest; a manifest left without its backup is removed too. Age is "
                + "counted from the time in the key (when the dump started)."},
        footer = {"", "Examples:",
                "  ops backup prune --keep-days 60 --keep-min 7 --dry-run",
                "  ops run --ping-url \"$VIGIL_PRUNE_PING_URL\" --timeout 900 \\",
                "      -- ops backup prune --keep-days 60"})
public final class BackupPruneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--keep-days", required = true, paramLabel = "DAYS",
            description = "Delete backups older than this many days (at least 1).")
    int keepDays;

    @Option(names = "--keep-min", paramLabel = "N", defaultValue = "7",
            description = "Always keep the newest N backups of each database (default: ${DEFAULT-VALUE}).")
    int keepMin;

    @Option(names = "--dry-run", description = "Only print what would be deleted.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (keepDays < 1) {
            throw StorageOptions.usage(spec, "--keep-days must be at least 1, not " + keepDays);
        }
        if (keepMin < 0) {
            throw StorageOptions.usage(spec, "--keep-min must be 0 or more, not " + keepMin);
        }
        RetentionPolicy policy = new RetentionPolicy(keepDays, keepMin);
        storage.config(spec, System.getenv());
        try (S3ObjectStore store = storage.open(spec)) {
            PruneResult result = new BackupPruner(store, storage.prefix()).prune(policy, dryRun);
            spec.commandLine().getOut().print(BackupListCommand.withNewline(result.render()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
