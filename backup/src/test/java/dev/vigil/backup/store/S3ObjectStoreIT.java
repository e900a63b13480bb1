package dev.vigil.backup.store;

import dev.vigil.backup.BackupException;
import dev.vigil.backup.testing.FailingHttpServer;
import dev.vigil.backup.testing.PartFailingS3Server;
import dev.vigil.backup.testing.S3ProxyServer;
import dev.vigil.backup.testing.TestRetries;
import dev.vigil.s3.S3Config;
import dev.vigil.backup.testing.Waits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3ObjectStoreIT {

    private final S3ProxyServer s3 = S3ProxyServer.shared();

    @Test
    void streamsAnObjectOfSeveralPartsWithBoundedBuffers() throws Exception {
        String bucket = s3.createBucket("parts");
        byte[] data = new byte[3 * S3ObjectStore.MIN_PART_SIZE + 12345];
        new Random(7).nextBytes(data);
        try (S3ObjectStore store = s3.store(bucket)) {
            S3MultipartUpload upload = (S3MultipartUpload) store.startUpload("a/b/object.bin");
            for (int off = 0; off < data.length; off += 100_000) { // writes that straddle part boundaries
                upload.write(data, off, Math.min(100_000, data.length - off));
            }
            assertThat(store.list("a/")).as("invisible until complete").isEmpty();
            assertThat(upload.complete()).isEqualTo(data.length);
            assertThat(upload.buffersAllocated()).as("part buffers: 2 in flight + 1 filling").isLessThanOrEqualTo(3);

            assertThat(store.list("a/")).singleElement().satisfies(o -> {
                assertThat(o.key()).isEqualTo("a/b/object.bin");
                assertThat(o.size()).isEqualTo(data.length);
            });
            try (InputStream in = store.open("a/b/object.bin")) {
                assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(data));
            }
            assertThat(store.incompleteUploads("")).isEmpty();
        }
    }

    @Test
    void anAbortedUploadLeavesNothing() throws Exception {
        String bucket = s3.createBucket("abort");
        try (S3ObjectStore store = s3.store(bucket)) {
            ObjectUpload upload = store.startUpload("x/aborted.bin");
            upload.write(new byte[S3ObjectStore.MIN_PART_SIZE + 1]); // one part sent, one begun
            assertThat(store.incompleteUploads("")).extracting(IncompleteUpload::key).containsExactly("x/aborted.bin");
            upload.abort();

            assertThat(store.list("")).isEmpty();
            assertThat(store.incompleteUploads("")).isEmpty();
            assertThatThrownBy(() -> upload.write(1)).isInstanceOf(IOException.class).hasMessageContaining("aborted");
        }
    }

    @Test
    void aFailedPartGivesItsSlotBackSoTheAbortDoesNotWaitForIt() throws Exception {
        try (PartFailingS3Server failing = new PartFailingS3Server();
             S3ObjectStore store = S3ObjectStore.open(new S3Config(failing.endpoint(), "us-east-1", "backups", "id",
                     "secret", true), TestRetries.FAST, S3ObjectStore.MIN_PART_SIZE, 2)) {
            S3MultipartUpload upload = (S3MultipartUpload) store.startUpload("x/failing.bin");
            byte[] chunk = new byte[100_000];
            assertThatThrownBy(() -> {
                for (int i = 0; i < 1000; i++) { // far more than the parts that fit in the slots
                    upload.write(chunk);
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("HTTP 500");
            Waits.until(Duration.ofSeconds(10), "both slots free again", () -> upload.freeSlots() == 2);

            upload.abort();

            assertThat(failing.requests()).last().isEqualTo("DELETE uploadId=upload-1");
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void anIncompleteUploadIsListedAndAbortedByKeyAndId() throws Exception {
        String bucket = s3.createBucket("incomplete");
        try (S3ObjectStore store = s3.store(bucket)) {
            store.startUpload("p/db/20261123T021500Z.dump.pgp").write(new byte[1000]);
            IncompleteUpload left = store.incompleteUploads("p/").get(0);
            assertThat(left.key()).isEqualTo("p/db/20261123T021500Z.dump.pgp");
            assertThat(left.uploadId()).isNotBlank();

            store.abort(left);
            store.abort(left); // already gone: not an error

            assertThat(store.incompleteUploads("")).isEmpty();
        }
    }

    @Test
    void smallObjectsReadBackAndDeletesAreIdempotent() {
        String bucket = s3.createBucket("small");
        try (S3ObjectStore store = s3.store(bucket)) {
            store.put("m.json", "{\"ä\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
            assertThat(store.read("m.json")).hasValueSatisfying(b ->
                    assertThat(new String(b, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"ä\": 1}"));
            assertThat(store.read("missing.json")).isEmpty();
            store.delete("m.json");
            store.delete("m.json");
            assertThat(store.list("")).isEmpty();
        }
    }

    @Test
    void aMissingBucketIsNamed() {
        try (S3ObjectStore store = s3.store("vigil-no-such-bucket")) {
            assertThatThrownBy(store::checkBucket)
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("bucket 'vigil-no-such-bucket' does not exist at " + s3.endpoint());
        }
    }

    @Test
    void aServerAnswering500IsRetriedThenReported() throws Exception {
        try (FailingHttpServer failing = new FailingHttpServer(500);
             S3ObjectStore store = S3ObjectStore.open(new S3Config(failing.endpoint(), "us-east-1", "backups",
                     "id", "secret-value", true), TestRetries.FAST)) {
            assertThatThrownBy(() -> store.startUpload("k"))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("S3 answered HTTP 500")
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageContaining("bucket 'backups' at " + failing.endpoint())
                    .message().doesNotContain("secret-value");
            assertThat(failing.requests()).isEqualTo(TestRetries.FAST.maxAttempts());
        }
    }

    @Test
    void anUnreachableEndpointIsReported() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + closedPort);
        try (S3ObjectStore store = S3ObjectStore.open(new S3Config(endpoint, "us-east-1", "backups", "id", "secret",
                true), TestRetries.FAST)) {
            assertThatThrownBy(store::checkBucket)
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("S3 unreachable after 3 attempts")
                    .hasMessageContaining(endpoint.toString())
                    .hasMessageContaining("Connection refused");
        }
    }

    @Test
    void credentialsStayOutOfDescriptions() {
        S3Config config = new S3Config(URI.create("http://127.0.0.1:1"), "eu-west-1", "b", "AKIAEXAMPLEKEY",
                "wJalrXUtnFEMI/K7MDENG", true);
        assertThat(config.toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("AKIAEXAMPLEKEY")
                .contains("bucket=b");
    }

    private static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
