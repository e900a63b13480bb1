package dev.vigil.backup;

import dev.vigil.backup.pg.PgBinaries;
import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.store.IncompleteUpload;
import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.backup.store.StoredObject;
import dev.vigil.backup.testing.Databases;
import dev.vigil.backup.testing.S3ProxyServer;
import dev.vigil.backup.testing.SampleData;
import dev.vigil.backup.testing.TestRetries;
import dev.vigil.backup.testing.Tripwire;
import dev.vigil.backup.testing.Waits;
import dev.vigil.client.VigilCheck;
import dev.vigil.openpgp.Encryptor;
import dev.vigil.s3.S3Config;
import dev.vigil.testsupport.Gpg;
import dev.vigil.testsupport.PingRecorder;
import dev.vigil.testsupport.S3ProxyProcess;
import dev.vigil.testsupport.TcpProxy;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vigil.testsupport.Gpg.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage dies at a chosen moment of a real backup and stays dead: S3Proxy is killed (SIGKILL) from a tap on
 * the TCP link at the first part's request, in the middle of a part, at the manifest's request or at the abort's.
 * The run must fail within its retry budget ({@link RetryPolicy#DEFAULT}, the one {@code ops backup run} uses) with
 * one message that says what is left, report it to the check with the check's own retries, and leave the bucket in
 * the state the message says; once the storage is back, {@code list} shows a left-over upload and {@code prune}
 * removes it a day later. Each test prints the time to failure it measured.
 */
class StorageOutageIT {

    private static final RetryPolicy STORAGE_RETRIES = RetryPolicy.DEFAULT;
    /** The part's retries, the abort's short leash after them, and room for a busy machine: not a benchmark. */
    private static final Duration BOUND = STORAGE_RETRIES.maxTotalDelay()
            .plus(STORAGE_RETRIES.afterOutage().maxTotalDelay()).plusSeconds(15);
    private static final String PREFIX = "nightly";

    private static S3ProxyServer s3;
    private static TestDatabase db;

    private final List<String> pingNotes = new CopyOnWriteArrayList<>();
    private TcpProxy link;
    private PingRecorder check;
    private String bucket;

    @TempDir
    Path dir;

    @BeforeAll
    static void startStorageAndFillDatabase() {
        s3 = S3ProxyServer.startOwn();
        db = TestPostgres.server().createDatabase("storage_outage");
        SampleData.fill(db, 1000);
        // 8 MB of random bytes: two 5 MiB parts however well pg_dump compresses
        Databases.execute(db, "CREATE TABLE blobs AS SELECT i, decode(md5(random()::text) || md5(random()::text),"
                + " 'hex') AS b FROM generate_series(1, 250000) i");
    }

    @AfterAll
    static void stop() {
        db.close();
        s3.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        bucket = s3.createBucket("outage");
        link = TcpProxy.to("127.0.0.1", s3.endpoint().getPort());
        check = new PingRecorder();
    }

    @AfterEach
    void tearDown() {
        check.close();
        link.close();
        if (!s3.process().isRunning()) {
            s3.process().restart();
        }
    }

    @Test
    void storageGoneBeforeTheFirstPart() {
        Failure f = backUpUntilStorageDies(postgres(), List.of("partNumber=1&", "partNumber=1 "), 0, this::kill);

        // two parts are in flight when storage dies: whichever runs out of retries first is the one named
        assertThat(f.message()).containsPattern("cannot upload part [12] of " + PREFIX + "/" + db.name() + "/")
                .contains("S3 unreachable after " + STORAGE_RETRIES.maxAttempts() + " attempts");
        assertLeftOverUpload(f);
    }

    @Test
    void storageGoneInTheMiddleOfAPart() {
        Failure f = backUpUntilStorageDies(postgres(), List.of("partNumber=1&", "partNumber=1 "), 1 << 20, this::kill);

        assertThat(f.message()).contains("cannot upload part ").contains("S3 unreachable after ");
        assertLeftOverUpload(f);
    }

    @Test
    void storageGoneWhileTheManifestIsWritten() {
        Failure f = backUpUntilStorageDies(postgres(), List.of(BackupKey.MANIFEST_SUFFIX), 0, this::kill);

        assertThat(f.message()).startsWith("the backup was stored as " + PREFIX + "/" + db.name() + "/")
                .contains("but its manifest could not be written: cannot write ")
                .contains("S3 unreachable after " + STORAGE_RETRIES.maxAttempts() + " attempts")
                .doesNotContain("abort");
        s3.process().restart();
        try (S3ObjectStore store = direct()) {
            assertThat(store.list("")).singleElement().extracting(StoredObject::key).asString()
                    .endsWith(BackupKey.OBJECT_SUFFIX);
            assertThat(store.incompleteUploads("")).isEmpty();
            assertThat(new BackupCatalog(store, PREFIX).list()).singleElement()
                    .extracting(BackupEntry::manifestStatus).isEqualTo(BackupEntry.ManifestStatus.MISSING);
        }
    }

    @Test
    void storageGoneDuringTheAbortOfAFailedDump() throws Exception {
        Failure f = backUpUntilStorageDies(failingPgDump(), List.of("DELETE /"), 0, this::kill);

        assertThat(f.message()).startsWith("pg_dump of " + db.name() + " failed (exit status 1)")
                .contains("cannot abort upload of " + PREFIX + "/" + db.name() + "/")
                .contains("S3 unreachable after " + STORAGE_RETRIES.maxAttempts() + " attempts");
        assertLeftOverUpload(f);
    }

    @Test
    void storageThatAnswersAgainDuringTheAbortTakesIt() throws Exception {
        Failure f = backUpUntilStorageDies(failingPgDump(), List.of("DELETE /"), 0, () -> {
            link.cut();
            Thread back = new Thread(() -> {
                Waits.until(Duration.ofSeconds(30), "the abort to be refused once", () -> link.resets() > 0);
                link.restore();
            }, "storage-back");
            back.setDaemon(true);
            back.start();
        });

        assertThat(f.message()).startsWith("pg_dump of " + db.name() + " failed (exit status 1)")
                .endsWith("; the upload was aborted, nothing was stored")
                .doesNotContain("incomplete");
        try (S3ObjectStore store = direct()) {
            assertThat(store.list("")).isEmpty();
            assertThat(store.incompleteUploads("")).isEmpty();
        }
    }

    /** What a failed run left: the message, the time from the outage to the failure, the ping it sent. */
    private record Failure(String message, Duration timeToFailure) {
    }

    /**
     * Runs a backup through the link with a tripwire on it, expects it to fail, and checks what every failure
     * must do: fail within {@link #BOUND}, say one thing, leave the thread uninterrupted, and report to the check
     * with the check's own retries (the first {@code /fail} is answered 503).
     */
    private Failure backUpUntilStorageDies(Postgres postgres, List<String> markers, long bytesAfter, Runnable outage) {
        Tripwire tripwire = new Tripwire(markers, bytesAfter, outage);
        link.tap(tripwire);
        check.answerNext(200, 503); // /start, then the first /fail attempt
        VigilCheck vigil = VigilCheck.at(check.pingUrl(), TestRetries.FAST, pingNotes::add);
        S3Config config = new S3Config(URI.create("http://127.0.0.1:" + link.port()), S3ProxyProcess.REGION, bucket,
                S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL, true);
        String message;
        long failedAt;
        try (S3ObjectStore store = S3ObjectStore.open(config, STORAGE_RETRIES, S3ObjectStore.MIN_PART_SIZE, 2)) {
            BackupRunner runner = new BackupRunner(postgres, store, PREFIX,
                    Encryptor.forKeyFiles(List.of(Gpg.shared().publicKey(OPERATOR))));
            Throwable thrown = null;
            try {
                runner.run(db.name(), vigil, ProgressListener.none());
            } catch (BackupException e) {
                thrown = e;
            }
            failedAt = System.nanoTime();
            assertThat(thrown).as("the run fails").isNotNull();
            message = thrown.getMessage();
        }
        Duration ttf = Duration.ofNanos(failedAt - tripwire.firedAtNanos());
        System.out.printf(Locale.ROOT, "time to failure (%s): %.1f s%n", markers.get(0)
                + (bytesAfter > 0 ? " + " + bytesAfter + " bytes" : ""), ttf.toMillis() / 1000.0);

        assertThat(ttf).as("time from the outage to the failure").isLessThan(BOUND);
        assertThat(Thread.currentThread().isInterrupted()).as("no interrupt left on the caller").isFalse();
        assertThat(message).as("one thing said about the upload")
                .satisfiesAnyOf(m -> assertThat(m).doesNotContain("aborted, nothing was stored"),
                        m -> assertThat(m).doesNotContain("incomplete upload is left"));
        List<PingRecorder.Ping> pings = check.await(3);
        assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/fail", "/fail");
        assertThat(pings.get(2).body()).isEqualTo("backup of " + db.name() + " failed: " + message);
        assertThat(pingNotes).as("every ping delivered in the end").isEmpty();
        return new Failure(message, ttf);
    }

    /** The message names the upload left behind and how it goes; list shows it and prune, a day later, aborts it. */
    private void assertLeftOverUpload(Failure f) {
        assertThat(f.message()).contains("; nothing was stored, but the incomplete upload is left in the bucket (")
                .endsWith("'ops backup list' shows it and 'ops backup prune' removes it once it is a day old")
                .doesNotContain("the upload was aborted");
        s3.process().restart();
        try (S3ObjectStore store = direct()) {
            assertThat(store.list("")).as("no object, no manifest").isEmpty();
            List<IncompleteUpload> left = store.incompleteUploads("");
            assertThat(left).singleElement().extracting(IncompleteUpload::key).asString()
                    .startsWith(PREFIX + "/" + db.name() + "/").endsWith(BackupKey.OBJECT_SUFFIX);
            String key = left.get(0).key();
            assertThat(f.message()).contains(key);

            BackupListing listing = new BackupCatalog(store, PREFIX).listing(null);
            assertThat(listing.backups()).isEmpty();
            assertThat(listing.render(Instant.now())).contains("incomplete uploads").contains(key);

            RetentionPolicy policy = new RetentionPolicy(60, 7);
            assertThat(new BackupPruner(store, PREFIX).prune(policy, false).abortedUploads())
                    .as("not yet a day old").isEmpty();
            BackupPruner dayLater = new BackupPruner(store, PREFIX,
                    Clock.fixed(Instant.now().plus(Duration.ofHours(25)), ZoneOffset.UTC));
            PruneResult dryRun = dayLater.prune(policy, true);
            assertThat(dryRun.render()).contains("would abort the incomplete upload of " + key)
                    .contains("1 incomplete upload would be aborted");
            assertThat(store.incompleteUploads("")).as("a dry run aborts nothing").hasSize(1);
            assertThat(dayLater.prune(policy, false).render()).contains("aborted the incomplete upload of " + key);
            assertThat(store.incompleteUploads("")).isEmpty();
            assertThat(store.list("")).isEmpty();
        }
    }

    private void kill() {
        s3.process().kill();
    }

    /** The bucket, straight from S3Proxy (not through the link). */
    private S3ObjectStore direct() {
        return S3ObjectStore.open(s3.config(bucket), TestRetries.FAST);
    }

    private static Postgres postgres() {
        return Databases.postgres(db);
    }

    /** pg_dump that writes more than a part, then fails: the run aborts its upload. */
    private Postgres failingPgDump() throws Exception {
        Path script = dir.resolve("pg_dump");
        Files.writeString(script, """
                #!/bin/sh
                if [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) 15.99"; exit 0; fi
                printf 'PGDMP'
                head -c 7000000 /dev/urandom
                echo "pg_dump: error: connection to server lost" >&2
                exit 1
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new Postgres(Databases.serverOf(db), PgBinaries.onPath().withPgDump(script.toString()));
    }
}
