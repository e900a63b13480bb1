package dev.vigil.provisioning.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The machine ops runs on, as a {@link RemoteHost}: scripts through {@code sh -c} here, with the same locale as
 * over SSH, for the checks a host runs on itself from cron ({@code ops wg verify --local}). No sudo: the caller
 * runs as the user the work needs.
 */
public final class LocalHost implements RemoteHost {

    private final String name;
    private final Duration timeout;

    public LocalHost(String name, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CommandResult run(String script, byte[] stdin, Duration limit) {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new RemoteCommandException(name + ": cannot start sh: " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the script exited without reading all of stdin: its exit status tells the rest
        }
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new RemoteCommandException(name + ": command timed out after " + limit.toSeconds() + " s");
            }
            return new CommandResult(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new RemoteCommandException(name + ": interrupted", e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream s = stream; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
                s.transferTo(b);
                return b.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Duration defaultTimeout() {
        return timeout;
    }
}
