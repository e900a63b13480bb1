package dev.vigil.haproxy;

import dev.vigil.testsupport.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy in master-worker mode ({@code -W}), in the foreground so that the test owns the process, run
 * on a configuration that has passed {@code haproxy -c}. {@link #reload()} does what a reload on a load balancer
 * does: dump {@code show servers state} into the server-state file, then SIGUSR2 to the master.
 */
final class HaproxyProcess implements AutoCloseable {

    private final Path config;
    private final Path log;
    private final Path stateFile;
    final RuntimeApi api;
    private final Process master;

    HaproxyProcess(Path dir, String configText, Path adminSocket, Path stateFile) {
        this.config = dir.resolve("haproxy.cfg");
        this.log = dir.resolve("haproxy.log");
        this.stateFile = stateFile;
        this.api = new RuntimeApi(adminSocket);
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

    private boolean answers() {
        try {
            api.workerPid();
            return true;
        } catch (UncheckedIOException | IllegalStateException e) {
            return false;
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
