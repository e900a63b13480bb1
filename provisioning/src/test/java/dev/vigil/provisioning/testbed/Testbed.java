package dev.vigil.provisioning.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of test hosts, driven through {@code testbed/testbed.sh}: its own bridge, /24, cgroups and known_hosts,
 * so that runs side by side (two checkouts, CI beside a working copy) never touch each other's hosts. The JVM's
 * {@link #shared} run starts on first use: it reaps what killed runs left, claims a run, builds or unpacks the
 * cached base image (shared by every run) and ends with the JVM, also when tests fail. Shared hosts are
 * {@code h1..hN}, booted in parallel as tests ask for more; tests that break a host (new host key, shutdown) take
 * a {@link #dedicated} one.
 */
public final class Testbed implements AutoCloseable {

    private static Testbed shared;

    private final Path script;
    private final Path dir;
    private final String run;
    private final String net;
    private final String bridge;
    private final Path knownHosts;
    private final List<TestHost> hosts = new ArrayList<>();
    private int dedicatedCount;

    private Testbed(Path script, Path dir, Map<String, String> claimed) {
        this.script = script;
        this.dir = dir;
        this.run = claimed.get("VIGIL_TESTBED_RUN");
        this.net = claimed.get("testbed_net");
        this.bridge = claimed.get("testbed_bridge");
        this.knownHosts = Path.of(claimed.get("testbed_known_hosts"));
    }

    /** The JVM's run, started on first call and ended with the JVM. Fails loudly when a prerequisite is missing. */
    public static synchronized Testbed shared() {
        if (shared == null) {
            Testbed tb = open();
            Runtime.getRuntime().addShutdownHook(new Thread(tb::close, "testbed-cleanup"));
            shared = tb;
        }
        return shared;
    }

    /** A run of this JVM's own beside the shared one; {@link #close} ends it. */
    public static Testbed open() {
        return open(ProcessHandle.current().pid());
    }

    /**
     * A run owned by the process {@code ownerPid}: if that process dies without {@link #close}, the next run's
     * start on this machine removes what this one left.
     */
    static Testbed open(long ownerPid) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("test hosts need root (systemd-nspawn, overlay mounts, a bridge); "
                    + "run the integration tests as root, e.g. through bin/test");
        }
        Path script = locateScript();
        Path dir = Path.of(env("VIGIL_TESTBED_DIR", "/var/tmp/vigil-testbed"));
        long t0 = System.nanoTime();
        sh(script, dir, null, 600, "prereqs");
        Testbed tb = new Testbed(script, dir, assignments(sh(script, dir, null, 120, "run-start",
                Long.toString(ownerPid))));
        long t1 = System.nanoTime();
        try {
            tb.sh(1800, "base");
        } catch (RuntimeException e) {
            tb.close();
            throw e;
        }
        log("run %s ready on %s (%s.0/24): start %.1f s, base image %.1f s", tb.run, tb.bridge, tb.net,
                secs(t0, t1), secs(t1, System.nanoTime()));
        return tb;
    }

    /** {@code name=value} lines (an {@code export} in front allowed), as {@code run-start} prints them. */
    private static Map<String, String> assignments(String output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String assignment = line.strip().replaceFirst("^export ", "");
            int eq = assignment.indexOf('=');
            if (eq > 0) {
                values.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        for (String name : List.of("VIGIL_TESTBED_RUN", "testbed_net", "testbed_bridge", "testbed_known_hosts")) {
            if (!values.containsKey(name)) {
                throw new IllegalStateException("testbed run-start printed no " + name + ": " + output);
            }
        }
        return values;
    }

    /** Ends the run: its hosts, mounts, cgroups and bridge go; the shared image and apt cache stay. */
    @Override
    public void close() {
        sh(120, "run-end");
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

    String run() {
        return run;
    }

    String bridge() {
        return bridge;
    }

    Path dir() {
        return dir;
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
    public TestHost dedicated() {
        return dedicated("");
    }

    /**
     * A host of its own whose memory is capped at {@code memoryLimit} (like "1536M"; "" for none), as a container
     * or a VM of that size would be.
     */
    public synchronized TestHost dedicated(String memoryLimit) {
        dedicatedCount++;
        TestHost h = host("x" + dedicatedCount, net + "." + (100 + dedicatedCount));
        boot(List.of(h), memoryLimit);
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
        return new TestHost(name, ip, 22, dir.resolve("id_ed25519"), knownHosts);
    }

    private void boot(List<TestHost> list) {
        boot(list, "");
    }

    private void boot(List<TestHost> list, String memoryLimit) {
        if (list.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        list.forEach(h -> sh(60, "up", h.name(), h.ip(), memoryLimit));
        CompletableFuture.allOf(list.stream().map(h -> CompletableFuture.runAsync(() -> sh(120, "wait", h.name(),
                h.ip()))).toArray(CompletableFuture[]::new)).join();
        log("booted %d host(s) %s in %.1f s", list.size(), list.stream().map(TestHost::name).toList(),
                secs(t0, System.nanoTime()));
    }

    private String sh(int timeoutSeconds, String... args) {
        return sh(script, dir, run, timeoutSeconds, args);
    }

    /** Runs the script for {@code run} (null before one is claimed); its stderr goes to ours and the harness log. */
    private static String sh(Path script, Path dir, String run, int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("testbed-", ".out");
            Path errors = Files.createTempFile("testbed-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                        .redirectError(errors.toFile());
                if (run != null) {
                    builder.environment().put("VIGIL_TESTBED_RUN", run);
                }
                Process p = builder.start();
                p.getOutputStream().close();
                boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                if (!finished) {
                    p.destroyForcibly().waitFor();
                }
                String err = Files.readString(errors, StandardCharsets.UTF_8);
                System.err.print(err); // the harness logs its timings on stderr
                Files.createDirectories(dir);
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
