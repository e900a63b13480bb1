package dev.vigil.haproxy;

import dev.vigil.testsupport.Await;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy in master-worker mode ({@code -W}), in the foreground so that the test owns the process, run
 * on a configuration that has passed {@code haproxy -c}. {@link #reload()} does what a reload on a load balancer
 * does: dump {@code show servers state} into the server-state file, then SIGUSR2 to the master.
 */
final class HaproxyProcess implements AutoCloseable {

    final int httpPort;
    final int httpsPort;
    /** What it runs, before rendering. */
    final HaproxyConfig model;
    /** The ACME challenge map, as the configuration names it. */
    final String challengeMap;
    private final Path config;
    private final Path log;
    private final Path stateFile;
    final RuntimeApi api;
    private final Process master;

    private HaproxyProcess(Path dir, String name, HaproxyConfig model, Path adminSocket, Path stateFile) {
        this.model = model;
        this.challengeMap = model.placement().acmeChallenges();
        this.httpPort = model.listen().httpPort();
        this.httpsPort = model.listen().httpsPort();
        String configText = HaproxyValidator.validated(model);
        this.config = dir.resolve("haproxy.cfg");
        this.log = dir.resolve("haproxy.log");
        this.stateFile = stateFile;
        this.api = new RuntimeApi(name, adminSocket);
        try {
            Files.writeString(config, configText);
            HaproxyValidator.check(config, "the test balancer");
            master = new ProcessBuilder(HaproxyValidator.binary().toString(), "-W", "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until(Duration.ofSeconds(20), () -> !master.isAlive() || answers(), () -> "HAProxy's admin socket "
                + adminSocket + " answering; log:\n" + log());
        if (!master.isAlive()) {
            throw new IllegalStateException("HAProxy exited: " + log());
        }
    }

    /**
     * Balancer {@code name} of {@code inventory} in front of {@code backends}: the configuration built from the
     * inventory, moved to 127.0.0.1 and ::1 on free ports and to files under {@code dir}, checked, and started.
     */
    static HaproxyProcess start(Path dir, String name, Inventory inventory, List<TestBackend> backends) {
        return start(dir, name, inventory, backends, Ports.free(), Ports.free(), Optional.empty());
    }

    /**
     * The same on the ports given, relaying the ACME tokens it does not hold to {@code acmeNext} (another test
     * balancer's HTTP port on 127.0.0.1) when present.
     */
    static HaproxyProcess start(Path dir, String name, Inventory inventory, List<TestBackend> backends, int http,
                                int https, Optional<Integer> acmeNext) {
        try {
            Path home = Files.createDirectories(dir.resolve(name));
            Path installed = Files.createDirectories(home.resolve("certs"));
            Path socket = home.resolve("admin.sock");
            Path state = Files.writeString(home.resolve("server-state"), "1\n");   // an empty state file, version 1
            HaproxyConfig config = HaproxyConfigs.forHost(inventory, name)
                    .withListen(new HaproxyConfig.Listen(List.of(InetAddress.getByName("127.0.0.1"),
                            InetAddress.getByName("::1")), http, https))
                    .withServers(backends.stream().map(b -> new HaproxyConfig.AppServer(b.name,
                            InetAddress.getLoopbackAddress(), b.port(), b.pingPort())).toList())
                    .withPlacement(new HaproxyConfig.Placement(installed.toString(), state.toString(),
                            socket.toString(), Files.writeString(home.resolve("acme-challenges.map"), "").toString(),
                            true))
                    .withAcmeRelay(acmeNext.map(port -> new HaproxyConfig.AcmeRelay(List.of(
                            new HaproxyConfig.AcmeRelay.Peer("next", InetAddress.getLoopbackAddress(), port)), 2)));
            for (LbCertificate c : config.certificates()) {
                Files.copy(c.file(), installed.resolve(HaproxyConfig.fileName(c)));
            }
            return new HaproxyProcess(home, name, config, socket, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers() {
        try {
            api.workerPid();
            return true;
        } catch (UncheckedIOException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * {@code haproxy -c} of its configuration file with the files as they are now, as {@code ops lb renew --local}
     * runs it on a balancer (without the zero-warning of a new configuration's check: a running balancer's state
     * file brings warnings of its own).
     */
    void check() {
        try {
            Process p = new ProcessBuilder(HaproxyValidator.binary().toString(), "-c", "-q", "-f", config.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("haproxy -c refused " + config + ": " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Saves the server states, reloads, and waits until a new worker answers the admin socket. */
    void reload() {
        long before = api.workerPid();
        try {
            Files.writeString(stateFile, api.serversState());
            Process kill = new ProcessBuilder("kill", "-USR2", Long.toString(master.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -USR2 " + master.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Await.until(Duration.ofSeconds(20), () -> answers() && api.workerPid() != before,
                () -> "a new worker after the reload; log:\n" + log());
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        master.destroy();
        try {
            if (!master.waitFor(10, TimeUnit.SECONDS)) {
                master.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
