package dev.vigil.backup;

import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.backup.store.StoredObject;
import dev.vigil.backup.testing.Databases;
import dev.vigil.backup.testing.S3ProxyServer;
import dev.vigil.client.VigilCheck;
import dev.vigil.openpgp.Encryptor;
import dev.vigil.testsupport.Gpg;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.vigil.testsupport.Gpg.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Real backups taken at chosen times (a fixed clock), then pruned. */
class PruneIT {

    private static final Instant NOW = Instant.parse("2026-11-23T02:30:00Z");

    private final S3ProxyServer s3 = S3ProxyServer.shared();
    private TestDatabase app;
    private TestDatabase other;
    private S3ObjectStore store;

    @BeforeEach
    void setUp() {
        app = TestPostgres.server().createDatabase("prune_app");
        other = TestPostgres.server().createDatabase("prune_other");
        Databases.execute(app, "CREATE TABLE t (x int); INSERT INTO t VALUES (1)");
        store = s3.store(s3.createBucket("prune"));
    }

    @AfterEach
    void tearDown() {
        store.close();
        app.close();
        other.close();
    }

    private BackupResult backUp(TestDatabase db, int daysAgo) {
        Clock clock = Clock.fixed(NOW.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(30)), ZoneOffset.UTC);
        return new BackupRunner(Databases.postgres(db), store, "nightly",
                Encryptor.forKeyFiles(List.of(Gpg.shared().publicKey(OPERATOR))), clock)
                .run(db.name(), VigilCheck.none(), ProgressListener.none());
    }

    @Test
    void expiredBackupsGoWithTheirManifestsButTheNewestFewAlwaysStay() {
        BackupResult app90 = backUp(app, 90);
        BackupResult app70 = backUp(app, 70);
        BackupResult app61 = backUp(app, 61);
        BackupResult app59 = backUp(app, 59);
        BackupResult app1 = backUp(app, 1);
        BackupResult other80 = backUp(other, 80);
        BackupResult other75 = backUp(other, 75);
        BackupResult other65 = backUp(other, 65); // the job for "other" stopped two months ago
        String orphan = "nightly/" + app.name() + "/20260101T020000Z.manifest.json";
        store.put(orphan, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        BackupPruner pruner = new BackupPruner(store, "nightly", Clock.fixed(NOW, ZoneOffset.UTC));
        RetentionPolicy policy = new RetentionPolicy(60, 2);

        PruneResult dryRun = pruner.prune(policy, true);

        assertThat(dryRun.removed()).extracting(BackupEntry::objectKey).containsExactly(
                app90.key().objectKey(), app70.key().objectKey(), app61.key().objectKey(),
                other80.key().objectKey());
        assertThat(dryRun.orphanManifests()).containsExactly(orphan);
        assertThat(dryRun.render()).contains("would delete " + app90.key().objectKey())
                .contains("dry run: 4 backups would be deleted, 4 kept");
        assertThat(store.list("")).as("a dry run deletes nothing").hasSize(17);

        PruneResult done = pruner.prune(policy, false);

        assertThat(done.removed()).isEqualTo(dryRun.removed());
        assertThat(store.list("")).extracting(StoredObject::key).containsExactlyInAnyOrder(
                app59.key().objectKey(), app59.key().manifestKey(),
                app1.key().objectKey(), app1.key().manifestKey(),
                other75.key().objectKey(), other75.key().manifestKey(),
                other65.key().objectKey(), other65.key().manifestKey());
        assertThat(pruner.prune(policy, false).removed()).as("nothing left to prune").isEmpty();
    }
}
