package dev.vigil.backup;

import dev.vigil.backup.pg.PgBinaries;
import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.backup.testing.Databases;
import dev.vigil.backup.testing.FailingHttpServer;
import dev.vigil.backup.testing.PartFailingS3Server;
import dev.vigil.backup.testing.S3ProxyServer;
import dev.vigil.backup.testing.SampleData;
import dev.vigil.backup.testing.TestRetries;
import dev.vigil.client.VigilCheck;
import dev.vigil.openpgp.Encryptor;
import dev.vigil.s3.S3Config;
import dev.vigil.testsupport.Gpg;
import dev.vigil.testsupport.PingRecorder;
import dev.vigil.backup.testing.Tripwire;
import dev.vigil.testsupport.S3ProxyProcess;
import dev.vigil.testsupport.TcpProxy;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static dev.vigil.testsupport.Gpg.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backup's failures: each is reported clearly, to the caller and to the check, and leaves nothing behind. */
class BackupFailureIT {

    private final S3ProxyServer s3 = S3ProxyServer.shared();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private TestDatabase db;
    private PingRecorder check;
    private Encryptor encryptor;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        db = TestPostgres.server().createDatabase("backup_failure");
        SampleData.fill(db, 1000);
        check = new PingRecorder();
        encryptor = Encryptor.forKeyFiles(List.of(Gpg.shared().publicKey(OPERATOR)));
    }

    @AfterEach
    void tearDown() {
        check.close();
        db.close();
    }

    private VigilCheck vigilCheck() {
        return VigilCheck.at(check.pingUrl(), TestRetries.FAST, notes::add);
    }

    @ParameterizedTest(name = "pg_dump {0}")
    @CsvSource({
            "'exits 1',     'exit 1',            'exit status 1'",
            "'is killed',   'kill -KILL $$',     'exit status 137, killed by signal 9'",
    })
    void pgDumpFailingMidStreamAbortsTheUploadAndLeavesNothing(String what, String ending, String expected)
            throws Exception {
        // more than one part of output before the failure, so that a part has really been uploaded
        Path fakePgDump = script("pg_dump", """
                #!/bin/sh
                if [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) 15.99"; exit 0; fi
                printf 'PGDMP'
                head -c 7000000 /dev/urandom
                echo "pg_dump: error: Dumping the contents of table \\"pings\\" failed: connection lost" >&2
                """ + ending + "\n");
        String bucket = s3.createBucket("pgdump-fails");
        try (S3ObjectStore store = s3.store(bucket)) {
            Postgres postgres = new Postgres(Databases.serverOf(db), PgBinaries.onPath().withPgDump(fakePgDump.toString()));
            BackupRunner runner = new BackupRunner(postgres, store, "nightly", encryptor);

            assertThatThrownBy(() -> runner.run(db.name(), vigilCheck(), ProgressListener.none()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("pg_dump of " + db.name() + " failed (" + expected)
                    .hasMessageContaining("Dumping the contents of table \"pings\" failed: connection lost")
                    .hasMessageContaining("nothing was stored");

            assertThat(store.list("")).as("no object, no manifest").isEmpty();
            assertThat(store.incompleteUploads("")).as("no multipart upload left").isEmpty();
            List<PingRecorder.Ping> pings = check.await(2);
            assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/fail");
            assertThat(pings.get(1).body()).contains("connection lost").contains(expected);
        }
    }

    @Test
    void anS3ServerAnswering500IsRetriedThenTheFailureIsReportedToTheCheck() throws Exception {
        try (FailingHttpServer failing = new FailingHttpServer(500);
             S3ObjectStore store = S3ObjectStore.open(new S3Config(failing.endpoint(), "us-east-1", "backups",
                     "id", "s3cr3t", true), TestRetries.FAST)) {
            BackupRunner runner = new BackupRunner(Databases.postgres(db), store, "nightly", encryptor);

            assertThatThrownBy(() -> runner.run(db.name(), vigilCheck(), ProgressListener.none()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("S3 answered HTTP 500 after 3 attempts");

            assertThat(failing.requests()).isEqualTo(3);
            List<PingRecorder.Ping> pings = check.await(2);
            assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/fail");
            assertThat(pings.get(1).body()).contains("HTTP 500").contains(failing.endpoint().toString())
                    .doesNotContain("s3cr3t");
        }
    }

    @Test
    void storageFailingInTheMiddleOfTheUploadIsRetriedThenTheUploadIsAborted() throws Exception {
        // 8 MB of random bytes: more than one 5 MiB part however well pg_dump compresses
        Databases.execute(db, "CREATE TABLE blobs AS SELECT i, decode(md5(random()::text) || md5(random()::text),"
                + " 'hex') AS b FROM generate_series(1, 250000) i");
        try (PartFailingS3Server failing = new PartFailingS3Server();
             S3ObjectStore store = S3ObjectStore.open(new S3Config(failing.endpoint(), "us-east-1", "backups",
                     "id", "s3cr3t", true), TestRetries.FAST, S3ObjectStore.MIN_PART_SIZE, 2)) {
            BackupRunner runner = new BackupRunner(Databases.postgres(db), store, "nightly", encryptor);

            assertThatThrownBy(() -> runner.run(db.name(), vigilCheck(), ProgressListener.none()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("cannot upload part 1 of nightly/" + db.name() + "/")
                    .hasMessageContaining("S3 answered HTTP 500 InternalError after 3 attempts")
                    .hasMessageContaining("the upload was aborted, nothing was stored");

            // part 2 may have been sent before part 1 failed (timing): it is retried too, or stopped by the abort
            Map<String, Long> tries = failing.requests().stream().filter(r -> r.startsWith("PUT "))
                    .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
            assertThat(tries).containsEntry("PUT partNumber=1&uploadId=upload-1", 3L)
                    .allSatisfy((request, n) -> assertThat(n).isBetween(1L, 3L));
            assertThat(failing.requests()).last().isEqualTo("DELETE uploadId=upload-1");
            List<PingRecorder.Ping> pings = check.await(2);
            assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/fail");
            assertThat(pings.get(1).body()).contains("HTTP 500 InternalError after 3 attempts");
        }
    }

    @Test
    void aRunInterruptedMidUploadStillReportsItsFailureAndLeavesNothing() throws Exception {
        Databases.execute(db, "CREATE TABLE blobs AS SELECT i, decode(md5(random()::text) || md5(random()::text),"
                + " 'hex') AS b FROM generate_series(1, 250000) i");
        String bucket = s3.createBucket("interrupted");
        AtomicReference<Thread> runnerThread = new AtomicReference<>();
        try (TcpProxy link = TcpProxy.to("127.0.0.1", s3.endpoint().getPort());
             S3ObjectStore store = S3ObjectStore.open(new S3Config(URI.create("http://127.0.0.1:" + link.port()),
                     S3ProxyProcess.REGION, bucket, S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL, true),
                     TestRetries.FAST, S3ObjectStore.MIN_PART_SIZE, 1)) {
            link.tap(new Tripwire(List.of("partNumber=1&", "partNumber=1 "), 0, () -> runnerThread.get().interrupt()));
            BackupRunner runner = new BackupRunner(Databases.postgres(db), store, "nightly", encryptor);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean interruptKept = new AtomicBoolean();
            Thread t = new Thread(() -> {
                try {
                    runner.run(db.name(), vigilCheck(), ProgressListener.none());
                } catch (Throwable e) {
                    thrown.set(e);
                }
                interruptKept.set(Thread.currentThread().isInterrupted());
            }, "backup-run");
            runnerThread.set(t);
            t.start();
            t.join(Duration.ofSeconds(60).toMillis());

            assertThat(t.isAlive()).as("the run ended").isFalse();
            assertThat(thrown.get()).isInstanceOf(BackupException.class).hasMessageContaining("interrupted")
                    .hasMessageEndingWith("; the upload was aborted, nothing was stored");
            assertThat(interruptKept).as("the interrupt is the caller's to see").isTrue();
            List<PingRecorder.Ping> pings = check.await(2);
            assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/fail");
            assertThat(notes).as("the /fail ping was not refused for the interrupt").isEmpty();
            assertThat(store.list("")).isEmpty();
            assertThat(store.incompleteUploads("")).isEmpty();
        }
    }

    @Test
    void aMissingBucketIsNamed() {
        try (S3ObjectStore store = s3.store("vigil-missing-bucket")) {
            BackupRunner runner = new BackupRunner(Databases.postgres(db), store, "nightly", encryptor);

            assertThatThrownBy(() -> runner.run(db.name(), vigilCheck(), ProgressListener.none()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("bucket 'vigil-missing-bucket' does not exist at " + s3.endpoint());
            assertThat(check.await(2).get(1).body()).contains("vigil-missing-bucket");
        }
    }

    @Test
    void aMissingDatabaseFailsBeforeAnyUpload() {
        String bucket = s3.createBucket("nodb");
        try (S3ObjectStore store = s3.store(bucket)) {
            BackupRunner runner = new BackupRunner(Databases.postgres(db), store, "nightly", encryptor);

            assertThatThrownBy(() -> runner.run("vigil_no_such_database", vigilCheck(), ProgressListener.none()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("psql failed")
                    .hasMessageContaining("\"vigil_no_such_database\" does not exist");
            assertThat(store.list("")).isEmpty();
            assertThat(store.incompleteUploads("")).isEmpty();
        }
    }

    @Test
    void aCheckThatCannotBeReachedDoesNotFailTheBackup() {
        String bucket = s3.createBucket("pingdown");
        check.answerNext(503, 503, 503); // every attempt of /start fails
        try (S3ObjectStore store = s3.store(bucket)) {
            BackupResult result = new BackupRunner(Databases.postgres(db), store, "nightly", encryptor)
                    .run(db.name(), vigilCheck(), ProgressListener.none());

            assertThat(store.list("")).extracting(o -> o.key())
                    .containsExactlyInAnyOrder(result.key().objectKey(), result.key().manifestKey());
            assertThat(notes).singleElement().asString()
                    .startsWith("ping /start failed after 3 attempts: HTTP 503")
                    .doesNotContain("3f1c8b52-check"); // the check's secret part of the URL stays out of logs
            assertThat(check.await(4)).extracting(PingRecorder.Ping::signal)
                    .containsExactly("/start", "/start", "/start", "");
        }
    }

    private Path script(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
