package dev.vigil.ops.backup;

import dev.vigil.ops.OpsProcess;

import dev.vigil.backup.RetryPolicy;
import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.s3.S3Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ops backup list} and {@code prune} as cron runs them: the shaded {@code ops.jar} in a child process, the
 * storage settings and credentials in its environment, against a real S3-compatible server (S3Proxy).
 */
class BackupStorageIT {

    private static LocalS3 s3;
    private static URI endpoint;
    private static final String IDENTITY = LocalS3.IDENTITY;
    private static final String CREDENTIAL = LocalS3.CREDENTIAL;
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    static Path work;

    private String bucket;

    @BeforeAll
    static void startS3Proxy() throws IOException {
        assertThat(Files.isRegularFile(OpsProcess.jar())).as("ops.jar (run through mvn verify)").isTrue();
        s3 = LocalS3.start(work);
        endpoint = s3.endpoint;
    }

    @AfterAll
    static void stopS3Proxy() throws InterruptedException {
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void createBucket() {
        bucket = s3.createBucket();
    }

    /** Backups (without manifests) of database vigil taken this many days ago; returns their keys. */
    private List<String> storeBackups(int... daysAgo) {
        List<String> keys = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (S3ObjectStore store = S3ObjectStore.open(new S3Config(endpoint, "us-east-1", bucket, IDENTITY,
                CREDENTIAL, true), new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100)))) {
            for (int days : daysAgo) {
                String key = "vigil/vigil/" + KEY_TIME.format(now.minus(Duration.ofDays(days))) + ".dump.pgp";
                store.put(key, ("backup " + days).getBytes(StandardCharsets.UTF_8), "application/octet-stream");
                keys.add(key);
            }
        }
        return keys;
    }

    private OpsProcess.Result ops(Map<String, String> env, String... args) throws Exception {
        return OpsProcess.run(work, env, args);
    }

    private Map<String, String> storageEnv() {
        return s3.env(bucket);
    }

    @Test
    void listShowsTheBackupsOldestFirstWithTheirManifestState() throws Exception {
        List<String> keys = storeBackups(3, 100, 40);

        OpsProcess.Result r = ops(storageEnv(), "backup", "list");

        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("TIME (UTC)").contains("MANIFEST", "KEY");
        assertThat(lines.get(1)).endsWith(keys.get(1)).contains("missing");
        assertThat(lines.get(2)).endsWith(keys.get(2));
        assertThat(lines.get(3)).endsWith(keys.get(0));
    }

    @Test
    void pruneDryRunDeletesNothingThenPruneDeletesTheOldOnes() throws Exception {
        List<String> keys = storeBackups(100, 70, 3);

        OpsProcess.Result dry = ops(storageEnv(), "backup", "prune", "--keep-days", "60", "--keep-min", "1",
                "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would delete " + keys.get(0), "would delete " + keys.get(1))
                .doesNotContain(keys.get(2));

        OpsProcess.Result real = ops(storageEnv(), "backup", "prune", "--keep-days", "60", "--keep-min", "1");
        assertThat(real.status()).as(real.err()).isZero();
        assertThat(real.out()).contains("deleted " + keys.get(0), "deleted " + keys.get(1));

        OpsProcess.Result list = ops(storageEnv(), "backup", "list");
        assertThat(list.out().lines().skip(1).toList()).singleElement()
                .satisfies(l -> assertThat(l).endsWith(keys.get(2)));
    }

    @Test
    void listShowsIncompleteUploadsAndPruneAbortsThoseOlderThanADay() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String old = "vigil/vigil/" + KEY_TIME.format(now.minus(Duration.ofDays(2))) + ".dump.pgp";
        String recent = "vigil/vigil/" + KEY_TIME.format(now.minus(Duration.ofHours(2))) + ".dump.pgp";
        try (S3ObjectStore store = S3ObjectStore.open(new S3Config(endpoint, "us-east-1", bucket, IDENTITY,
                CREDENTIAL, true), new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100)))) {
            store.startUpload(old); // started, never completed: what a run whose storage went away leaves
            store.startUpload(recent);
        }

        OpsProcess.Result list = ops(storageEnv(), "backup", "list");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("incomplete uploads", old, recent);

        OpsProcess.Result dry = ops(storageEnv(), "backup", "prune", "--keep-days", "60", "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would abort the incomplete upload of " + old).doesNotContain(recent)
                .contains("1 incomplete upload would be aborted");
        assertThat(ops(storageEnv(), "backup", "list").out()).as("a dry run aborts nothing").contains(old);

        OpsProcess.Result real = ops(storageEnv(), "backup", "prune", "--keep-days", "60");
        assertThat(real.status()).as(real.err()).isZero();
        assertThat(real.out()).contains("aborted the incomplete upload of " + old);
        assertThat(ops(storageEnv(), "backup", "list").out()).contains(recent).doesNotContain(old);
    }

    @Test
    void optionsOverrideTheEnvironment() throws Exception {
        List<String> keys = storeBackups(1);

        OpsProcess.Result r = ops(storageEnv(), "backup", "list", "--bucket", bucket, "--prefix", "other");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(keys.get(0));
        assertThat(r.err()).contains("no backups under other/");
    }

    @Test
    void aMissingBucketFailsWithOneLineAndStatus1() throws Exception {
        OpsProcess.Result r = ops(storageEnv(), "backup", "list", "--bucket", "vigil-ops-no-such-bucket");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().satisfies(line ->
                assertThat(line).startsWith("error: ").contains("vigil-ops-no-such-bucket"));
    }

    @Test
    void wrongCredentialsFailWithOneLineAndNeverShowTheSecret() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(storageEnv());
        env.put("VIGIL_BACKUP_S3_SECRET_KEY", "wrong-secret-value");

        OpsProcess.Result r = ops(env, "backup", "list");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().satisfies(line -> assertThat(line).startsWith("error: "));
        assertThat(r.out() + r.err()).doesNotContain("wrong-secret-value");
    }
}
