package dev.vigil.backup;

import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.store.ObjectStore;
import dev.vigil.openpgp.Decryptor;

import java.time.Duration;
import java.util.Optional;

/**
 * Restores a backup into a database: streamed download, decryption with the operator's secret key, and
 * {@code pg_restore} in one transaction. The target is created if missing; one that already has tables is
 * refused unless forced. Nothing touches the target before the key has been unlocked and the message opened,
 * and a restore that fails (corrupt backup, pg_restore error) leaves the target as it was.
 */
public final class BackupRestorer {

    private final Postgres postgres;
    private final RestorePipeline pipeline;
    private final BackupCatalog catalog;

    public BackupRestorer(Postgres postgres, ObjectStore store, Decryptor decryptor) {
        this.postgres = postgres;
        this.pipeline = new RestorePipeline(postgres, store, decryptor);
        this.catalog = new BackupCatalog(store, "");
    }

    public RestoreResult restore(String objectKey, String targetDatabase, RestoreOptions options,
                                 ProgressListener progress) {
        long t0 = System.nanoTime();
        if (!objectKey.endsWith(BackupKey.OBJECT_SUFFIX)) {
            throw new BackupException("not a backup key (they end in " + BackupKey.OBJECT_SUFFIX + "): " + objectKey);
        }
        Optional<Manifest> manifest = manifestOf(objectKey);
        boolean exists = postgres.databaseExists(targetDatabase);
        if (exists && !options.force()) {
            long objects = postgres.userObjectCount(targetDatabase);
            if (objects > 0) {
                throw new BackupException("database " + targetDatabase + " is not empty (" + objects
                        + " tables, views, sequences or functions); restore into an empty or new database,"
                        + " or force it to replace the objects the backup contains");
            }
        }
        boolean[] created = {false};
        try {
            RestorePipeline.Outcome outcome = pipeline.run(objectKey, manifest.map(Manifest::sha256).orElse(null),
                    targetDatabase, exists && options.force(), options.noOwner(), () -> {
                        if (!exists) {
                            postgres.createDatabase(targetDatabase);
                            created[0] = true;
                        }
                    }, progress);
            return new RestoreResult(objectKey, targetDatabase, outcome.size(), outcome.sha256(), outcome.dumpBytes(),
                    manifest.isPresent(), created[0], Duration.ofNanos(System.nanoTime() - t0));
        } catch (BackupException e) {
            if (created[0]) {
                dropCreated(targetDatabase, e); // leave the server as it was
            }
            throw e;
        }
    }

    /**
     * The manifest if it can be read. A damaged manifest must not stand between the operator and the data:
     * the OpenPGP integrity check still guards the restore, and the result says the manifest was not checked.
     */
    private Optional<Manifest> manifestOf(String objectKey) {
        try {
            return catalog.manifest(objectKey);
        } catch (BackupException e) {
            return Optional.empty();
        }
    }

    private void dropCreated(String database, BackupException failure) {
        try {
            postgres.dropDatabase(database);
        } catch (BackupException e) {
            failure.addSuppressed(e);
        }
    }
}
