package dev.vigil.ops.backup;

import dev.vigil.backup.BackupCatalog;
import dev.vigil.backup.BackupEntry;
import dev.vigil.backup.store.S3ObjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops backup list}: the backups under the prefix, oldest first, with the state of each manifest. */
@Command(name = "list",
        description = {"List the backups under the prefix, oldest first: time, size, age, manifest state and key.",
                "MANIFEST is ok (names this object and size), missing, mismatch (another object or size) or "
                + "unreadable. Nothing is downloaded: only verify and restore check the SHA-256."},
        footer = {"", "Examples:",
                "  ops backup list",
                "  ops backup list --database vigil --bucket vigil-backups \\",
                "      --s3-endpoint https://s3.example --path-style"})
public final class BackupListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--database", paramLabel = "DB", description = "Only the backups of this database.")
    String database;

    @Override
    public Integer call() throws Exception {
        storage.config(spec, System.getenv()); // usage errors before any connection
        try (S3ObjectStore store = storage.open(spec)) {
            BackupCatalog catalog = new BackupCatalog(store, storage.prefix());
            List<BackupEntry> entries = database == null ? catalog.list() : catalog.list(database);
            if (entries.isEmpty()) {
                spec.commandLine().getErr().println("no backups under " + storage.prefix() + "/"
                        + (database == null ? "" : database + "/"));
            } else {
                spec.commandLine().getOut().print(withNewline(BackupEntry.renderTable(entries, Instant.now())));
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + System.lineSeparator();
    }
}
