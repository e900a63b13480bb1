package dev.vigil.provisioning.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The JVM's test hosts, driven through {@code testbed/testbed.sh}. Started once per JVM on first use: it takes an
 * exclusive lock on the testbed folder (one test JVM at a time), removes whatever a killed earlier run left,
 * builds or unpacks the cached base image, brings up the bridge and apt proxy. Shared hosts are {@code h1..hN},
 * booted in parallel as tests ask for more; tests that break a host (new host key, shutdown) take a
 * {@link #dedicated} one. A shutdown hook removes everything, also when tests fail.
 */
public final class Testbed {

    private static Testbed shared;

    private final Path script;
    private final Path dir;
    private final String net;
    private final List<TestHost> hosts = new ArrayList<>();
    private int dedicatedCount;

    private Testbed(Path script, Path dir, String net) {
        this.script = script;
        this.dir = dir;
        this.net = net;
    }

    /** The JVM's testbed, started on first call. Fails loudly when a prerequisite is missing. */
    public static synchronized Testbed shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static Testbed start() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("test hosts need root (systemd-nspawn, overlay mounts, a bridge); "
                    + "run the integration tests as root, e.g. through bin/test");
        }
        Path script = locateScript();
        Path dir = Path.of(env("VIGIL_TESTBED_DIR", "/var/tmp/vigil-testbed"));
        Testbed tb = new Testbed(script, dir, env("VIGIL_TESTBED_NET", "10.77.0"));
        tb.lockOrWait();
        long t0 = System.nanoTime();
        tb.sh(600, "prereqs");
        tb.sh(120, "cleanup-all"); // leftovers of a killed run: we hold the lock, so nobody else owns them
        Runtime.getRuntime().addShutdownHook(new Thread(() -> tb.sh(120, "cleanup-all"), "testbed-cleanup"));
        long t1 = System.nanoTime();
        tb.sh(1200, "base");
        long t2 = System.nanoTime();
        tb.sh(60, "net-up");
        log("testbed ready: cleanup %.1f s, base image %.1f s, network %.1f s", secs(t0, t1), secs(t1, t2),
                secs(t2, System.nanoTime()));
        return tb;
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static Path locateScript() {
        String configured = System.getProperty("vigil.testbed.script");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testbed/testbed.sh");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testbed/testbed.sh not found above " + Path.of("").toAbsolutePath()
                + "; set -Dvigil.testbed.script");
    }

    /** One test JVM owns the testbed at a time; the lock dies with the JVM, so a killed run never blocks. */
    private void lockOrWait() {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve("run.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                log("another test JVM uses the testbed; waiting for it");
                channel.lock(); // held (and released by the OS) for the life of this JVM
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dir, e);
        }
    }

    /** The first {@code n} shared hosts, booting the missing ones in parallel. */
    public synchronized List<TestHost> hosts(int n) {
        List<TestHost> booting = new ArrayList<>();
        for (int i = hosts.size() + 1; i <= n; i++) {
            booting.add(host("h" + i, net + "." + (10 + i)));
        }
        boot(booting);
        hosts.addAll(booting);
        return List.copyOf(hosts.subList(0, n));
    }

    /** A host of its own for a test that breaks it; {@link #destroy} it at the end. */
    public synchronized TestHost dedicated() {
        dedicatedCount++;
        TestHost h = host("x" + dedicatedCount, net + "." + (100 + dedicatedCount));
        boot(List.of(h));
        return h;
    }

    public void destroy(TestHost host) {
        sh(60, "down", host.name());
    }

    /** Gives a running host a new SSH host key (the harness's known_hosts follows; copies made before do not). */
    public void rekey(TestHost host) {
        sh(60, "rekey", host.name());
    }

    /** Runs a command on a host through the harness's own ssh (OpenSSH), independent of the code under test. */
    public String ssh(TestHost host, String command) {
        return sh(300, "ssh", host.ip(), command);
    }

    /** An address on the test network where no host is, for "dead host" tests. */
    public String unusedAddress() {
        return net + ".250";
    }

    private TestHost host(String name, String ip) {
        return new TestHost(name, ip, 22, dir.resolve("id_ed25519"), dir.resolve("known_hosts"));
    }

    private void boot(List<TestHost> list) {
        if (list.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        list.forEach(h -> sh(60, "up", h.name(), h.ip()));
        CompletableFuture.allOf(list.stream().map(h -> CompletableFuture.runAsync(() -> sh(120, "wait", h.name(),
                h.ip()))).toArray(CompletableFuture[]::new)).join();
        log("booted %d host(s) %s in %.1f s", list.size(), list.stream().map(TestHost::name).toList(),
                secs(t0, System.nanoTime()));
    }

    private String sh(int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("testbed-", ".out");
            Path errors = Files.createTempFile("testbed-", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(output.toFile())
                        .redirectError(errors.toFile()).start();
                p.getOutputStream().close();
                boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                if (!finished) {
                    p.destroyForcibly().waitFor();
                }
                String err = Files.readString(errors, StandardCharsets.UTF_8);
                System.err.print(err); // the harness logs its timings on stderr
                Files.writeString(dir.resolve("harness.log"), err, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (!finished) {
                    throw new IllegalStateException("testbed " + String.join(" ", args) + " timed out after "
                            + timeoutSeconds + " s: " + err);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("testbed " + String.join(" ", args) + " failed with status "
                            + p.exitValue() + ": " + err);
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void log(String format, Object... args) {
        System.err.println("[testbed] " + String.format(Locale.ROOT, format, args));
    }
}
