package dev.vigil.app.it;

import dev.vigil.testsupport.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real uber jar ({@code app/target/vigil.jar}) running as a child process on free ports (the main one and the
 * fast ping listener's), as an operator starts it: {@code java -jar vigil.jar} with VIGIL_* environment variables.
 */
public final class VigilProcess implements AutoCloseable {

    // a start takes 10-20 s alone, but minutes on a machine that several test runs share: a deadline, not a target
    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final int pingPort;
    private final Path workDir;
    private final Path log;

    private VigilProcess(Process process, int port, int pingPort, Path workDir, Path log) {
        this.process = process;
        this.port = port;
        this.pingPort = pingPort;
        this.workDir = workDir;
        this.log = log;
    }

    /**
     * Starts the jar with the given settings (VIGIL_PORT, VIGIL_PING_PORT and VIGIL_RUNTIME_DIR are chosen here;
     * a VIGIL_PING_PORT among the settings wins, and {@link #DEFAULT_PING_PORT} leaves it unset).
     */
    /** As VIGIL_PING_PORT in {@link #launch}'s settings: leave it unset, so that the app takes VIGIL_PORT + 1. */
    public static final String DEFAULT_PING_PORT = "";

    /** The ports given to the apps this JVM launched (two started back to back once got overlapping ones). */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public static VigilProcess launch(Map<String, String> settings) {
        try {
            Path jar = Path.of(System.getProperty("vigil.jar", "target/vigil.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the integration tests run after `mvn package`");
            }
            boolean defaultPingPort = DEFAULT_PING_PORT.equals(settings.get("VIGIL_PING_PORT"));
            // a port handed to an app that is still starting is free to the OS: never hand it out twice
            int port = freePort();
            while (HANDED_OUT.contains(port)
                    || defaultPingPort && (HANDED_OUT.contains(port + 1) || !isFree(port + 1))) {
                port = freePort();
            }
            int pingPort = defaultPingPort ? port + 1 : freePort();
            while (pingPort == port || !defaultPingPort && HANDED_OUT.contains(pingPort)) {
                pingPort = freePort();
            }
            HANDED_OUT.add(port);
            HANDED_OUT.add(pingPort);
            Path workDir = Files.createTempDirectory("vigil-it-");
            Path log = workDir.resolve("vigil.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("VIGIL_"));
            env.put("VIGIL_PORT", Integer.toString(port));
            env.put("VIGIL_PING_PORT", Integer.toString(pingPort));
            env.put("VIGIL_RUNTIME_DIR", workDir.resolve("payara").toString());
            env.put("VIGIL_MAINTENANCE_FILE", workDir.resolve("maintenance").toString());
            env.put("VIGIL_SITE_ROOT", "http://127.0.0.1:" + port); // links in API answers lead back here
            env.putAll(settings);
            // a site root of the caller's with "{port}" (e.g. http://localhost:{port}, as WebAuthn needs a host name)
            String portText = Integer.toString(port);
            env.computeIfPresent("VIGIL_SITE_ROOT", (k, v) -> v.replace("{port}", portText));
            if (defaultPingPort) {
                env.remove("VIGIL_PING_PORT"); // the app's default: VIGIL_PORT + 1
            }
            String chosen = defaultPingPort ? Integer.toString(pingPort) : env.get("VIGIL_PING_PORT");
            return new VigilProcess(pb.start(), port, chosen.matches("[0-9]+") ? Integer.parseInt(chosen) : 0,
                    workDir, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until /health answers 200; fails with the server's output if it exits or takes too long. */
    public VigilProcess awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Vigil exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Await.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("Vigil not healthy after " + START_TIMEOUT.toSeconds() + " s:\n" + output());
    }

    /** Waits for the process to end by itself and returns its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Vigil still running after " + timeout.toSeconds() + " s:\n" + output());
        }
        return process.exitValue();
    }

    public HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    /** An address on the fast ping listener. */
    public URI pingUri(String path) {
        return URI.create("http://127.0.0.1:" + pingPort + path);
    }

    /** The fast ping listener's port (0 when it is off). */
    public int pingPort() {
        return pingPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, as systemd sends it. */
    public void terminate() {
        process.destroy();
    }

    public Path maintenanceFile() {
        return workDir.resolve("maintenance");
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(workDir);
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }

    /** Settings for a database, including a password so that MicroProfile Config has a value to substitute. */
    static Map<String, String> database(String jdbcUrl, String user, String password) {
        Map<String, String> m = new HashMap<>();
        m.put("VIGIL_DB_URL", jdbcUrl);
        m.put("VIGIL_DB_USER", user);
        m.put("VIGIL_DB_PASSWORD", password.isEmpty() ? "unused-with-trust-auth" : password);
        return m;
    }
}
