package dev.vigil.ops.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenPGP keys made with GnuPG as an operator makes them (ed25519/cv25519, passphrase-protected), exported to
 * files in {@code folder}: {@code NAME.asc} (public) and {@code NAME-secret.asc}.
 */
public final class OperatorKeys {

    private final Path folder;
    private final Path home;

    public OperatorKeys(Path folder) throws IOException {
        this.folder = folder;
        this.home = Files.createDirectory(folder.resolve("gnupg"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        // the agent's calibrated passphrase hashing costs seconds per key here; the minimum is enough for tests
        Files.writeString(home.resolve("gpg-agent.conf"), "s2k-count 65536\n");
    }

    /** Makes a key for {@code name} protected by {@code passphrase}; returns the public key file. */
    public Path make(String name, String passphrase) {
        String uid = name + " <" + name + "@vigil.test>";
        gpg(List.of("--pinentry-mode", "loopback", "--passphrase", passphrase, "--quick-gen-key", uid,
                "future-default", "default", "never"), null);
        write(name + ".asc", gpg(List.of("--armor", "--export", uid), null));
        write(name + "-secret.asc", gpg(List.of("--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--armor", "--export-secret-keys", uid), null));
        return publicKey(name);
    }

    public Path publicKey(String name) {
        return folder.resolve(name + ".asc");
    }

    public Path secretKey(String name) {
        return folder.resolve(name + "-secret.asc");
    }

    /** {@code gpg --decrypt} of {@code file} with the keys made here: what GnuPG itself reads from it. */
    public String decrypt(Path file, String passphrase) {
        return gpg(List.of("--pinentry-mode", "loopback", "--passphrase", passphrase, "--decrypt", file.toString()),
                null);
    }

    private void write(String name, String text) {
        try {
            Files.writeString(folder.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String gpg(List<String> args, byte[] stdin) {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", home.toString()));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("gpg " + args + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run gpg (Debian package gnupg, installed by bin/test)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
