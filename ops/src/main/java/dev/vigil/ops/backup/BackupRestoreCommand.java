package dev.vigil.ops.backup;

import dev.vigil.backup.BackupRestorer;
import dev.vigil.backup.ConsoleProgress;
import dev.vigil.backup.RestoreOptions;
import dev.vigil.backup.RestoreResult;
import dev.vigil.backup.crypto.Decryptor;
import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.store.S3ObjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ops backup restore KEY --to DB}: download, decrypt and pg_restore one backup in one transaction. */
@Command(name = "restore",
        description = {"Restore the backup KEY (as 'ops backup list' shows it) into database DB: download, "
                + "decrypt and pg_restore in a single transaction. If anything fails, DB is as it was.",
                "A missing DB is created (and dropped again if the restore fails). A DB that already has tables, "
                + "views, sequences or functions is refused unless --force is given.",
                "The passphrase is asked at the terminal, or read with --passphrase-env or --passphrase-fd; it "
                + "is never an argument."},
        footer = {"", "Examples:",
                "  ops backup restore vigil/vigil/20261123T021500Z.dump.pgp --to vigil \\",
                "      --secret-key /media/usb/vigil-backup-secret.asc",
                "  ops backup restore vigil/vigil/20261123T021500Z.dump.pgp --to vigil_copy \\",
                "      --no-owner --secret-key key.asc --passphrase-fd 3 3<passphrase.txt"})
public final class BackupRestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    PostgresOptions pg;

    @Mixin
    SecretKeyOptions key;

    @Parameters(paramLabel = "KEY",
            description = "The backup's object key, e.g. vigil/vigil/20261123T021500Z.dump.pgp.")
    String objectKey;

    @Option(names = "--to", required = true, paramLabel = "DB", description = "The database to restore into.")
    String target;

    @Option(names = "--force", description = "Restore into a database that is not empty, replacing the objects "
            + "the backup contains (pg_restore --clean --if-exists); other objects stay.")
    boolean force;

    @Option(names = "--no-owner", description = "Skip owners and grants, for a server that lacks the original "
            + "roles.")
    boolean noOwner;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        key.check(spec, env);
        storage.config(spec, env);
        Postgres postgres = pg.postgres(spec);
        Decryptor decryptor = key.decryptor(spec, env);
        try (S3ObjectStore store = storage.open(spec)) {
            RestoreResult result = new BackupRestorer(postgres, store, decryptor)
                    .restore(objectKey, target, new RestoreOptions(force, noOwner), ConsoleProgress.forStderr());
            spec.commandLine().getOut().println(result.summary());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
