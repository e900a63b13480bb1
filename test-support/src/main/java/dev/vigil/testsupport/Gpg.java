package dev.vigil.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * GnuPG in a temporary home, with two keys made the way an operator would make them: "operator" (the key
 * backups are encrypted to) and "other" (someone else's). Keys are ed25519/cv25519, protected by a
 * passphrase. One per test JVM: key generation is the slow part.
 */
public final class Gpg {

    public static final String OPERATOR = "Vigil Operator <operator@vigil.test>";
    public static final String OTHER = "Someone Else <other@vigil.test>";
    public static final String OPERATOR_PASSPHRASE = "correct horse battery staple";
    public static final String OTHER_PASSPHRASE = "another passphrase";
    /** A key stored without a passphrase, as {@code gpg --passphrase ''} makes it (for unattended jobs). */
    public static final String UNPROTECTED = "Unattended Job <job@vigil.test>";

    private static Gpg shared;

    private final Path home;

    private Gpg(Path home) {
        this.home = home;
    }

    public static synchronized Gpg shared() {
        if (shared == null) {
            try {
                Path home = Files.createTempDirectory("vigil-gnupg-", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                // the agent calibrates passphrase hashing to its CPU, which costs seconds per key operation
                // here; the minimum iteration count makes key generation and export instant (tests only)
                Files.writeString(home.resolve("gpg-agent.conf"), "s2k-count 65536\n");
                Gpg gpg = new Gpg(home);
                gpg.generate(OPERATOR, OPERATOR_PASSPHRASE);
                gpg.generate(OTHER, OTHER_PASSPHRASE);
                gpg.generate(UNPROTECTED, "");
                Runtime.getRuntime().addShutdownHook(new Thread(gpg::cleanUp, "gnupg-cleanup"));
                shared = gpg;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private void generate(String uid, String passphrase) {
        run(null, "--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--quick-gen-key", uid, "future-default", "default", "never");
    }

    /** The public key, armored, as {@code gpg --armor --export} writes it. */
    public Path publicKey(String uid) {
        return export(uid, "public", "--armor", "--export", uid);
    }

    /** The secret key, armored, as {@code gpg --armor --export-secret-keys} writes it. */
    public Path secretKey(String uid, String passphrase) {
        return export(uid, "secret", "--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--armor", "--export-secret-keys", uid);
    }

    /** The public key of {@link #UNPROTECTED}. */
    public Path unprotectedPublicKey() {
        return publicKey(UNPROTECTED);
    }

    /** The secret key of {@link #UNPROTECTED}, armored, stored without a passphrase. */
    public Path unprotectedSecretKey() {
        return secretKey(UNPROTECTED, "");
    }

    /** The secret key in binary form. */
    public Path secretKeyBinary(String uid, String passphrase) {
        return export(uid, "secret-bin", "--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--export-secret-keys", uid);
    }

    private Path export(String uid, String kind, String... args) {
        Path file = home.resolve(uid.replaceAll("[^A-Za-z]", "") + "-" + kind + ".key");
        if (!Files.exists(file)) {
            try {
                Files.write(file, run(null, args).stdout());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** Decrypts {@code file} with the operator's key; returns the plaintext and gpg's status lines. */
    public Result decrypt(Path file, String passphrase) {
        return run(null, "--pinentry-mode", "loopback", "--passphrase", passphrase, "--status-fd", "2",
                "--decrypt", file.toString());
    }

    /** {@code gpg --encrypt} to {@code uid}, with gpg's own defaults (compression included). */
    public void encrypt(Path plain, Path encrypted, String uid) {
        run(null, "--trust-model", "always", "--output", encrypted.toString(), "--recipient", uid,
                "--encrypt", plain.toString());
    }

    public record Result(int status, byte[] stdout, String stderr) {
    }

    /** Runs gpg in this home; fails the test on a non-zero status. */
    public Result run(byte[] stdin, String... args) {
        Result r = runAllowingFailure(stdin, args);
        if (r.status() != 0) {
            throw new AssertionError("gpg " + String.join(" ", args) + " failed (" + r.status() + "): " + r.stderr());
        }
        return r;
    }

    public Result runAllowingFailure(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", home.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
            errReader.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("gpg did not finish: " + command);
            }
            errReader.join();
            return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run gpg (apt-get install gnupg): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // process ended
        }
    }

    private void cleanUp() {
        try {
            new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the agent exits by itself when its socket goes away
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files
        }
    }
}
