package dev.vigil.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for tests: S3Proxy with its filesystem backend in a temporary directory, run as a
 * child JVM from its own jar (its bundled libraries would clash with the AWS SDK on a test classpath). Requests must
 * be signed with {@link #IDENTITY} and {@link #CREDENTIAL} (AWS signature v2 or v4).
 */
public final class S3ProxyProcess implements AutoCloseable {

    public static final String IDENTITY = "vigil-test-identity";
    public static final String CREDENTIAL = "vigil-test-credential";
    public static final String REGION = "us-east-1";
    private static final String VERSION = "4.1.0";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final URI endpoint;
    private final Path baseDir;
    private volatile Process process;

    private S3ProxyProcess(URI endpoint, Path baseDir) {
        this.endpoint = endpoint;
        this.baseDir = baseDir;
    }

    /**
     * Starts S3Proxy and waits until it answers. The jar comes from the system property {@code s3proxy.jar}, else
     * from the local Maven repository, where a test-scoped dependency on {@code org.gaul:s3proxy} puts it.
     */
    public static S3ProxyProcess start() {
        locateJar(); // fails with its own message before anything is created
        try {
            Path dir = Files.createTempDirectory("vigil-s3proxy-");
            Path data = Files.createDirectory(dir.resolve("data"));
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
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
            S3ProxyProcess server = new S3ProxyProcess(endpoint, dir);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy: " + e.getMessage(), e);
        }
    }

    /** Kills the server at once (SIGKILL), as a crash would; its data stays for {@link #restart()}. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Starts the server again after {@link #kill()}, on the same endpoint with the same data. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("S3Proxy is still running");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart S3Proxy: " + e.getMessage(), e);
        }
    }

    private void launch() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-DLOG_LEVEL=warn", "-jar", locateJar().toString(), "--properties",
                baseDir.resolve("s3proxy.properties").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("s3proxy.log").toFile()))
                .start();
        awaitReady();
    }

    private static Path locateJar() {
        String configured = System.getProperty("s3proxy.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"),
                ".m2/repository/org/gaul/s3proxy/" + VERSION + "/s3proxy-" + VERSION + "-jar-with-dependencies.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar + " (run the tests through Maven, whose "
                    + "test-scoped dependency on org.gaul:s3proxy:" + VERSION + ":jar-with-dependencies downloads it)");
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
                Await.pause(Duration.ofMillis(100)); // polling interval of the deadline loop
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

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary files; the OS cleans them eventually
        }
    }
}
