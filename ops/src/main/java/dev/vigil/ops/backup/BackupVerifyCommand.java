package dev.vigil.ops.backup;

import dev.vigil.backup.BackupVerifier;
import dev.vigil.backup.ConsoleProgress;
import dev.vigil.backup.VerifyOptions;
import dev.vigil.backup.VerifyReport;
import dev.vigil.backup.crypto.Decryptor;
import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.ping.VigilCheck;
import dev.vigil.backup.store.S3ObjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ops backup verify [KEY]}: restore a backup into a scratch database, check it, report, drop it. */
@Command(name = "verify",
        description = {"Test a restore: restore KEY (default: the newest backup, of --database if given) into a "
                + "scratch database, check it, print the report and drop the scratch database, whatever happened.",
                "Checks that the object decrypts with an intact integrity check, that its SHA-256 and size match "
                + "the manifest and that pg_restore succeeds; counts every table's rows and shows the newest value "
                + "of the timestamp columns. The report is also the body of the ping (URL, or URL/fail).",
                "Exits 1 when the report is not OK."},
        footer = {"", "Examples:",
                "  ops backup verify --secret-key ~/keys/vigil-verify-secret.asc \\",
                "      --ping-url https://vigil.example.com/ping/7d1e...",
                "  ops backup verify vigil/vigil/20261123T021500Z.dump.pgp --secret-key key.asc \\",
                "      --passphrase-env VIGIL_VERIFY_PASSPHRASE --timestamp-column pings.created"})
public final class BackupVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    PostgresOptions pg;

    @Mixin
    SecretKeyOptions key;

    @Mixin
    PingOptions ping;

    @Parameters(arity = "0..1", paramLabel = "KEY", description = "The backup's object key (default: the newest).")
    String objectKey;

    @Option(names = "--database", paramLabel = "DB",
            description = "Without KEY: the newest backup of this database (default: the newest of any).")
    String database;

    @Option(names = "--timestamp-column", paramLabel = "COLUMN", split = ",",
            description = "Timestamp column whose newest value to show: a bare name for every table, or "
                    + "table.column; repeatable (default: created, time).")
    List<String> timestampColumns = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (objectKey != null && database != null) {
            throw StorageOptions.usage(spec, "give either KEY or --database, not both");
        }
        VerifyOptions options;
        try {
            options = timestampColumns.isEmpty() ? VerifyOptions.DEFAULT
                    : new VerifyOptions(timestampColumns, VerifyOptions.DEFAULT.scratchPrefix());
        } catch (IllegalArgumentException e) {
            throw StorageOptions.usage(spec, "--timestamp-column: " + e.getMessage());
        }
        Map<String, String> env = System.getenv();
        key.check(spec, env);
        storage.config(spec, env);
        Postgres postgres = pg.postgres(spec);
        VigilCheck check = ping.check(spec);
        Decryptor decryptor = key.decryptor(spec, env);
        try (S3ObjectStore store = storage.open(spec)) {
            BackupVerifier verifier = new BackupVerifier(postgres, store, storage.prefix(), decryptor, options);
            VerifyReport report = objectKey == null
                    ? verifier.verifyNewest(database, check, ConsoleProgress.forStderr())
                    : verifier.verify(objectKey, check, ConsoleProgress.forStderr());
            spec.commandLine().getOut().print(BackupListCommand.withNewline(report.render()));
            spec.commandLine().getOut().flush();
            return report.ok() ? 0 : 1;
        }
    }
}
