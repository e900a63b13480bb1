package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Checks a configuration with the real {@code haproxy -c} before it is written anywhere, warnings counting as
 * errors ({@code -dW}). HAProxy opens the certificate and server-state files while checking, so the check runs
 * on a copy whose {@code crt-base}, {@code server-state-file} and ACME challenge map point into a scratch folder
 * holding the inventory's certificate files under their on-host names; nothing else differs from the text
 * returned.
 */
public final class HaproxyValidator {

    private static final List<String> PLACES = List.of("/usr/sbin/haproxy", "/usr/bin/haproxy",
            "/usr/local/sbin/haproxy");

    private HaproxyValidator() {
    }

    /** Renders {@code config}, checks it, and returns the text to install. */
    public static String validated(HaproxyConfig config) {
        Path dir;
        try {
            dir = Files.createTempDirectory("vigil-haproxy-check");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (LbCertificate c : config.certificates()) {
                Files.copy(c.file(), dir.resolve(HaproxyConfig.fileName(c)));
            }
            Path state = dir.resolve("server-state");
            Files.writeString(state, "1\n");
            Path challenges = Files.writeString(dir.resolve("acme-challenges.map"), "");
            Path cfg = dir.resolve("haproxy.cfg");
            Files.writeString(cfg, HaproxyConfigRenderer.render(config.withPlacement(config.placement()
                    .withCertificateDir(dir.toString()).withStateFile(state.toString())
                    .withAcmeChallenges(challenges.toString()))));
            check(cfg, config.lbName());
            return HaproxyConfigRenderer.render(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the HAProxy configuration of " + config.lbName() + ": "
                    + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    /** Runs {@code haproxy -c -dW -q} on {@code file}; throws with HAProxy's own words when it refuses. */
    public static void check(Path file, String what) {
        try {
            Process p = new ProcessBuilder(binary().toString(), "-c", "-dW", "-f", file.toString())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InvalidHaproxyConfigException(what + ": haproxy -c did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new InvalidHaproxyConfigException("haproxy -c refuses the configuration of " + what + ":\n"
                        + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run haproxy -c: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while haproxy -c ran", e);
        }
    }

    /** The installed haproxy; its absence is an error that says how to install it. */
    public static Path binary() {
        for (String place : PLACES) {
            Path p = Path.of(place);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("haproxy is not installed here, and every configuration ops renders is "
                + "checked with the real haproxy -c first: apt-get install haproxy");
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a scratch folder left in /tmp is harmless
        }
    }
}
