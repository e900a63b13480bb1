package dev.vigil.ops.backup;

import dev.vigil.backup.BackupResult;
import dev.vigil.backup.BackupRunner;
import dev.vigil.backup.ConsoleProgress;
import dev.vigil.backup.crypto.Encryptor;
import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.ping.VigilCheck;
import dev.vigil.backup.store.S3ObjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops backup run}: dump one database, encrypt it, upload it with its manifest, ping the check. */
@Command(name = "run",
        description = {"Dump DATABASE with pg_dump, encrypt it to the recipients' public keys and upload it to "
                + "<prefix>/<database>/<UTC time>.dump.pgp with a manifest beside it. Nothing unencrypted touches "
                + "the disk; a failed run leaves nothing in the bucket.",
                "Progress goes to stderr; the last line, on stdout, is also the body of the success ping."},
        footer = {"", "Examples:",
                "  ops backup run --database vigil --recipient /etc/vigil/backup-public.asc \\",
                "      --ping-url https://vigil.example.com/ping/0b6c...",
                "  ops backup run --database vigil --recipient ops.asc --recipient verify.asc \\",
                "      --pg-host db1 --pg-user backup --pg-bin /usr/lib/postgresql/15/bin",
                "", "Storage settings come from VIGIL_BACKUP_S3_* (see 'ops backup --help')."})
public final class BackupRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    PostgresOptions pg;

    @Mixin
    PingOptions ping;

    @Option(names = "--database", required = true, paramLabel = "DB", description = "The database to back up.")
    String database;

    @Option(names = "--recipient", required = true, paramLabel = "FILE",
            description = "Public key file (armored or binary) to encrypt to; repeat for several keys, each "
                    + "of which can decrypt alone.")
    List<Path> recipients;

    @Override
    public Integer call() throws Exception {
        for (Path r : recipients) {
            if (!Files.isReadable(r)) {
                throw StorageOptions.usage(spec, "--recipient " + r + " is not a readable file");
            }
        }
        storage.config(spec, System.getenv()); // usage errors before any work
        Postgres postgres = pg.postgres(spec);
        VigilCheck check = ping.check(spec);
        Encryptor encryptor = Encryptor.forKeyFiles(recipients);
        try (S3ObjectStore store = storage.open(spec)) {
            BackupResult result = new BackupRunner(postgres, store, storage.prefix(), encryptor)
                    .run(database, check, ConsoleProgress.forStderr());
            spec.commandLine().getOut().println(result.summary());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
