package dev.vigil.backup;

import dev.vigil.backup.pg.Postgres;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.vigil.testsupport.Gpg.OPERATOR;
import static dev.vigil.testsupport.Gpg.OPERATOR_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

class VerifyIT {

    private static final int PINGS = 5000;

    private final S3ProxyServer s3 = S3ProxyServer.shared();
    private final Gpg gpg = Gpg.shared();
    private TestDatabase source;
    private S3ObjectStore store;
    private PingRecorder check;
    private Postgres postgres;
    private BackupVerifier verifier;

    @BeforeEach
    void setUp() throws Exception {
        source = TestPostgres.server().createDatabase("verify_source");
        SampleData.fill(source, PINGS);
        store = s3.store(s3.createBucket("verify"));
        check = new PingRecorder();
        postgres = Databases.postgres(source);
        // scratch names the fixture's stale-database sweep recognizes, should this JVM die mid-test
        VerifyOptions options = new VerifyOptions(List.of("created", "checks.id"),
                "vigil_test_" + Instant.now().getEpochSecond() + "_verify_");
        verifier = new BackupVerifier(postgres, store, "nightly", Decryptor.fromKeyFile(
                gpg.secretKey(OPERATOR, OPERATOR_PASSPHRASE), OPERATOR_PASSPHRASE.toCharArray()), options);
    }

    @AfterEach
    void tearDown() {
        check.close();
        store.close();
        source.close();
    }

    private BackupResult backUp(Instant at) {
        return new BackupRunner(postgres, store, "nightly", Encryptor.forKeyFiles(List.of(gpg.publicKey(OPERATOR))),
                Clock.fixed(at, ZoneOffset.UTC)).run(source.name(), VigilCheck.none(), ProgressListener.none());
    }

    private VigilCheck vigilCheck() {
        return VigilCheck.at(check.pingUrl(), TestRetries.FAST, line -> { });
    }

    @Test
    void theNewestBackupRestoresAndIsCounted() {
        backUp(Instant.parse("2026-11-20T02:00:00Z"));
        BackupResult newest = backUp(Instant.parse("2026-11-21T02:00:00Z"));

        VerifyReport report = verifier.verifyNewest(null, vigilCheck(), ProgressListener.none());

        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.objectKey()).isEqualTo(newest.key().objectKey());
        assertThat(report.sha256()).isEqualTo(newest.manifest().sha256());
        assertThat(report.stats().rowCounts()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "public.checks", 100L, "public.pings", (long) PINGS, "public.settings", 1L));
        assertThat(report.stats().newestTimestamps())
                .containsEntry("public.pings.created", "2026-06-01 01:23:20+00") // 5000 s after the first
                .containsEntry("public.checks.created", "2026-01-05 04:00:00+00")
                .doesNotContainKey("public.checks.id"); // a uuid has no newest time
        assertThat(report.scratchDropped()).isTrue();
        assertThat(postgres.databaseExists(report.scratchDatabase())).isFalse();
        assertThat(report.render()).contains("OK").contains("public.pings").contains("5,000 rows");

        List<PingRecorder.Ping> pings = check.await(2);
        assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "");
        assertThat(pings.get(1).body()).contains(newest.key().objectKey()).contains("newest created");
    }

    @Test
    void aFlippedByteInTheStoredObjectIsReportedAndTheScratchDatabaseDropped() {
        BackupResult backup = backUp(Instant.parse("2026-11-22T02:00:00Z"));
        String key = backup.key().objectKey();
        byte[] stored = store.read(key).orElseThrow();
        stored[stored.length / 2] ^= 0x40;
        store.put(key, stored, "application/pgp-encrypted");

        VerifyReport report = verifier.verify(key, vigilCheck(), ProgressListener.none());

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().asString()
                .contains("the backup " + key + " is corrupted")
                .contains("differs from the manifest's " + backup.manifest().sha256())
                .contains("nothing was restored");
        assertThat(report.scratchDropped()).isTrue();
        assertThat(postgres.databaseExists(report.scratchDatabase())).isFalse();
        List<PingRecorder.Ping> pings = check.await(2);
        assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/fail");
        assertThat(pings.get(1).body()).contains("FAILED").contains("is corrupted");
    }

    @Test
    void aBackupWithoutManifestIsRestoredButNotPassed() {
        BackupResult backup = backUp(Instant.parse("2026-11-23T02:00:00Z"));
        store.delete(backup.key().manifestKey());

        VerifyReport report = verifier.verifyNewest(source.name(), vigilCheck(), ProgressListener.none());

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).containsExactly("the manifest " + backup.key().manifestKey() + " is missing");
        assertThat(report.stats().rowCounts()).containsEntry("public.pings", (long) PINGS);
        assertThat(postgres.databaseExists(report.scratchDatabase())).isFalse();
    }

    @Test
    void noBackupAtAllFailsTheCheck() {
        VerifyReport report = verifier.verifyNewest(null, vigilCheck(), ProgressListener.none());

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).containsExactly("no backup under 'nightly/'");
        assertThat(check.await(2)).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/fail");
    }
}
