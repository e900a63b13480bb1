package dev.vigil.wireguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs a real tool here with text on stdin, for tests that check rendered files and keys with it. */
public final class RealTool {

    public record Result(int exit, String out, String err) {
    }

    private RealTool() {
    }

    public static Result run(String stdin, String... command) {
        try {
            Process p = new ProcessBuilder(command).start();
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0] + " (bin/test installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code command} as {@code sh -c}, content on stdin. */
    public static Result shell(String command, String stdin) {
        return run(stdin, "sh", "-c", command);
    }
}
