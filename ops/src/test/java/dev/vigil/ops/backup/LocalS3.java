package dev.vigil.ops.backup;

import dev.vigil.ops.OpsProcess;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** S3Proxy with its filesystem backend, as a child JVM from the jar the backup module's tests downloaded. */
final class LocalS3 implements AutoCloseable {

    static final String IDENTITY = "vigil-ops-test-identity";
    static final String CREDENTIAL = "vigil-ops-test-credential";

    private final Process process;
    final URI endpoint;

    private LocalS3(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static LocalS3 start(Path work) throws IOException {
        Path jar = Path.of(System.getProperty("s3proxy.jar", System.getProperty("user.home")
                + "/.m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar"));
        assertThat(Files.isRegularFile(jar)).as("S3Proxy jar at " + jar + " (built with the backup module)").isTrue();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Path data = Files.createDirectories(work.resolve("s3data"));
        Path properties = Files.writeString(work.resolve("s3proxy.properties"), String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data, ""));
        Process p = new ProcessBuilder(OpsProcess.java(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-DLOG_LEVEL=warn", "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("s3proxy.log").toFile())
                .start();
        LocalS3 s3 = new LocalS3(p, endpoint);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            assertThat(p.isAlive()).as("S3Proxy running; see " + work.resolve("s3proxy.log")).isTrue();
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
                c.setConnectTimeout(200);
                c.getResponseCode(); // any answer means it is serving
                c.disconnect();
                return s3;
            } catch (IOException e) {
                assertThat(System.nanoTime()).as("S3Proxy answering within 60 s").isLessThan(deadline);
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // polling interval of the deadline loop
            }
        }
    }

    String createBucket() {
        String bucket = "vigil-ops-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** The environment {@code ops backup} reads its storage settings from. */
    Map<String, String> env(String bucket) {
        return Map.of("VIGIL_BACKUP_S3_ENDPOINT", endpoint.toString(),
                "VIGIL_BACKUP_S3_REGION", "us-east-1",
                "VIGIL_BACKUP_S3_BUCKET", bucket,
                "VIGIL_BACKUP_S3_PATH_STYLE", "true",
                "VIGIL_BACKUP_S3_ACCESS_KEY", IDENTITY,
                "VIGIL_BACKUP_S3_SECRET_KEY", CREDENTIAL);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
