package dev.vigil.backup;

import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.backup.testing.Databases;
import dev.vigil.backup.testing.S3ProxyServer;
import dev.vigil.backup.testing.SampleData;
import dev.vigil.backup.testing.TestRetries;
import dev.vigil.client.VigilCheck;
import dev.vigil.openpgp.Decryptor;
import dev.vigil.openpgp.Encryptor;
import dev.vigil.testsupport.Gpg;
import dev.vigil.testsupport.PingRecorder;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.vigil.testsupport.Gpg.OPERATOR;
import static dev.vigil.testsupport.Gpg.OPERATOR_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real backup of a few hundred thousand rows, made once for the class, then taken apart: restored,
 * listed, decrypted by gpg.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRoundTripIT {

    private static final int PINGS = 300_000;

    private final S3ProxyServer s3 = S3ProxyServer.shared();
    private final Gpg gpg = Gpg.shared();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private TestDatabase source;
    private S3ObjectStore store;
    private PingRecorder check;
    private String sourceChecksum;
    private BackupResult backup;

    @BeforeAll
    void backUpOnce() throws Exception {
        source = TestPostgres.server().createDatabase("backup_source");
        SampleData.fill(source, PINGS);
        sourceChecksum = SampleData.checksum(source);
        store = s3.store(s3.createBucket("roundtrip"));
        check = new PingRecorder();
        BackupRunner runner = new BackupRunner(Databases.postgres(source), store, "/nightly/",
                Encryptor.forKeyFiles(List.of(gpg.publicKey(OPERATOR))));
        backup = runner.run(source.name(), VigilCheck.at(check.pingUrl(), TestRetries.FAST, notes::add), progress::add);
    }

    @AfterAll
    void cleanUp() {
        check.close();
        store.close();
        source.close();
    }

    @Test
    void theBackupIsStoredWithAManifestThatDescribesIt() {
        Manifest m = backup.manifest();
        assertThat(backup.key().objectKey()).matches("nightly/" + source.name() + "/\\d{8}T\\d{6}Z\\.dump\\.pgp");
        assertThat(m.objectKey()).isEqualTo(backup.key().objectKey());
        assertThat(m.database()).isEqualTo(source.name());
        assertThat(m.pgDumpVersion()).startsWith("pg_dump (PostgreSQL) ");
        assertThat(m.serverVersion()).matches("\\d+\\.\\d+.*");
        assertThat(m.sha256()).matches("[0-9a-f]{64}");
        assertThat(m.size()).as("several 5 MiB parts").isGreaterThan(2L * S3ObjectStore.MIN_PART_SIZE);
        assertThat(m.recipients()).singleElement().satisfies(r -> assertThat(r.userId()).isEqualTo(OPERATOR));

        List<BackupEntry> listed = new BackupCatalog(store, "nightly").list();
        assertThat(listed).singleElement().satisfies(e -> {
            assertThat(e.objectKey()).isEqualTo(m.objectKey());
            assertThat(e.size()).isEqualTo(m.size());
            assertThat(e.manifestStatus()).isEqualTo(BackupEntry.ManifestStatus.OK);
            assertThat(e.manifest()).isEqualTo(m);
        });
        assertThat(store.incompleteUploads("")).isEmpty();
        assertThat(BackupEntry.renderTable(listed, m.started().plusSeconds(3 * 3600)))
                .contains("TIME (UTC)").contains(m.objectKey()).contains("3 h 00 min").contains(" ok ");
    }

    @Test
    void theCheckIsPingedAtStartAndOnSuccess() {
        List<PingRecorder.Ping> pings = check.await(2);
        assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "");
        assertThat(pings.get(0).query()).isEqualTo(pings.get(1).query()).startsWith("rid=");
        assertThat(pings.get(1).body()).contains(backup.key().objectKey()).contains(backup.manifest().sha256());
        assertThat(notes).as("no ping failures").isEmpty();
    }

    @Test
    void progressIsReportedAndEndsWithTheDumpSize() {
        assertThat(progress).isNotEmpty();
        Progress last = progress.get(progress.size() - 1);
        assertThat(last.done()).isTrue();
        assertThat(last.phase()).isEqualTo("dump");
        assertThat(last.bytes()).isEqualTo(backup.manifest().dumpSize());
        assertThat(last.bytesPerSecond()).isPositive();
    }

    @Test
    void aRestoreReproducesTheDatabaseExactly() {
        try (TestDatabase target = TestPostgres.server().createDatabase("restore_target")) {
            BackupRestorer restorer = new BackupRestorer(Databases.postgres(target), store,
                    Decryptor.fromKeyFile(gpg.secretKey(OPERATOR, OPERATOR_PASSPHRASE), OPERATOR_PASSPHRASE.toCharArray()));

            RestoreResult result = restorer.restore(backup.key().objectKey(), target.name(), RestoreOptions.DEFAULT,
                    ProgressListener.none());

            assertThat(SampleData.checksum(target)).isEqualTo(sourceChecksum);
            assertThat(Databases.queryString(target, "SELECT count(*) FROM pings")).isEqualTo(String.valueOf(PINGS));
            assertThat(result.manifestChecked()).isTrue();
            assertThat(result.createdDatabase()).isFalse();
            assertThat(result.sha256()).isEqualTo(backup.manifest().sha256());
            assertThat(result.dumpBytes()).isEqualTo(backup.manifest().dumpSize());
        }
    }

    @Test
    void aRestoreCreatesAMissingTargetDatabase() {
        String name = Databases.uniqueName("restore_new");
        try (TestDatabase admin = TestPostgres.server().createDatabase("restore_admin")) {
            var postgres = Databases.postgres(admin);
            try {
                RestoreResult result = new BackupRestorer(postgres, store, Decryptor.fromKeyFile(
                        gpg.secretKeyBinary(OPERATOR, OPERATOR_PASSPHRASE), OPERATOR_PASSPHRASE.toCharArray()))
                        .restore(backup.key().objectKey(), name, new RestoreOptions(false, true), ProgressListener.none());
                assertThat(result.createdDatabase()).isTrue();
                assertThat(postgres.tableStats(name, List.of("created")).rowCounts())
                        .containsEntry("public.pings", (long) PINGS).containsEntry("public.checks", 100L);
            } finally {
                postgres.dropDatabase(name);
            }
        }
    }

    @Test
    void gpgDecryptsTheStoredBackupIntoAnArchivePgRestoreReads(@TempDir Path dir) throws Exception {
        Path encrypted = dir.resolve("backup.dump.pgp");
        try (InputStream in = store.open(backup.key().objectKey())) {
            Files.copy(in, encrypted);
        }
        Path dump = dir.resolve("backup.dump");
        Files.write(dump, gpg.decrypt(encrypted, OPERATOR_PASSPHRASE).stdout());

        Process list = new ProcessBuilder("pg_restore", "--list", dump.toString()).redirectErrorStream(true).start();
        String toc = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(list.exitValue()).as(toc).isZero();
        assertThat(toc).contains("TABLE DATA public pings").contains("TABLE DATA public checks");
        assertThat(Files.size(dump)).isEqualTo(backup.manifest().dumpSize());
    }
}
