package dev.vigil.backup.testing;

import dev.vigil.backup.store.S3Config;
import dev.vigil.backup.store.S3ObjectStore;

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
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for the tests: S3Proxy with its filesystem backend in a temporary directory,
 * run as a child JVM from its own jar (its bundled libraries would clash with the SDK's on our classpath).
 * One per test JVM; each test makes its own bucket.
 */
public final class S3ProxyServer {

    public static final String IDENTITY = "vigil-test-identity";
    public static final String CREDENTIAL = "vigil-test-credential";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static S3ProxyServer shared;

    private final Process process;
    private final URI endpoint;
    private final Path baseDir;

    private S3ProxyServer(Process process, URI endpoint, Path baseDir) {
        this.process = process;
        this.endpoint = endpoint;
        this.baseDir = baseDir;
    }

    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-s3proxy"));
        }
        return shared;
    }

    private static S3ProxyServer start() {
        Path jar = locateJar();
        try {
            Path dir = Files.createTempDirectory("vigil-s3proxy-");
            Path data = Files.createDirectory(dir.resolve("data"));
            int port = freePort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path properties = dir.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data,
                    ""));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-DLOG_LEVEL=warn", "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3proxy.log").toFile())
                    .start();
            S3ProxyServer server = new S3ProxyServer(p, endpoint, dir);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start S3Proxy: " + e.getMessage(), e);
        }
    }

    private static Path locateJar() {
        String configured = System.getProperty("s3proxy.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"),
                ".m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar + " (run the tests through Maven,"
                    + " which downloads it as a test dependency)");
        }
        return jar;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with status " + process.exitValue() + "; see "
                        + baseDir.resolve("s3proxy.log"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
                c.setConnectTimeout(200);
                c.setReadTimeout(1000);
                c.getResponseCode(); // any answer (403 without credentials) means it is serving
                c.disconnect();
                return;
            } catch (IOException e) {
                Waits.pause(Duration.ofMillis(100)); // polling until the deadline above
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not answer within " + STARTUP + "; see "
                + baseDir.resolve("s3proxy.log"));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Where the filesystem backend keeps a bucket's objects. */
    public Path bucketDirectory(String bucket) {
        return baseDir.resolve("data").resolve(bucket);
    }

    public S3Config config(String bucket) {
        return new S3Config(endpoint, "us-east-1", bucket, IDENTITY, CREDENTIAL, true);
    }

    /** A new, empty bucket with a unique name. */
    public String createBucket(String purpose) {
        String bucket = ("vigil-" + purpose + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** A plain SDK client, for looking at the bucket behind the code under test's back. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** A store on {@code bucket} with small parts, so that modest test data spans several. */
    public S3ObjectStore store(String bucket) {
        return S3ObjectStore.open(config(bucket), TestRetries.FAST, S3ObjectStore.MIN_PART_SIZE, 2);
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files; the OS cleans them eventually
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
