package dev.vigil.ops.secrets;

import dev.vigil.provisioning.secrets.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * Lets the operator change the secrets in their editor: the plaintext goes to a file only they can read, in a
 * private folder (in /dev/shm, memory-backed, where there is one), and is overwritten and removed afterwards,
 * whatever happens.
 */
public final class SecretsEditor {

    static final String HEADER = """
            # Vigil secrets: one 'key = value' per line; lines starting with # are ignored.
            # Saving writes them back encrypted; leaving without saving changes nothing.
            """;

    private final String editor;

    /** {@code editor} is a shell command, like $VISUAL or $EDITOR ("vi", "code --wait"). */
    public SecretsEditor(String editor) {
        this.editor = editor;
    }

    /** The operator's editor: $VISUAL, else $EDITOR, else vi. */
    public static SecretsEditor chosenBy(java.util.Map<String, String> env) {
        return new SecretsEditor(env.getOrDefault("VISUAL", env.getOrDefault("EDITOR", "vi")));
    }

    /** The edited secrets, or empty when the text came back unchanged. */
    public Optional<Secrets> edit(Secrets current) {
        Path folder = null;
        Path file = null;
        try {
            Path shm = Path.of("/dev/shm");
            folder = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "vigil-secrets-", private0700())
                    : Files.createTempDirectory("vigil-secrets-", private0700());
            file = folder.resolve("secrets.txt");
            String before = HEADER + current.render();
            Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), before, StandardCharsets.UTF_8);
            int status = new ProcessBuilder(List.of("sh", "-c", editor + " \"$1\"", "sh", file.toString()))
                    .inheritIO().start().waitFor();
            if (status != 0) {
                throw new SecretsException("the editor (" + editor + ") exited with status " + status
                        + "; nothing changed");
            }
            String after = Files.readString(file, StandardCharsets.UTF_8);
            if (after.equals(before)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Secrets.parse(after));
            } catch (IllegalArgumentException e) {
                throw new SecretsException("the edited text, " + e.getMessage() + "; nothing changed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the editor: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretsException("interrupted while editing; nothing changed");
        } finally {
            wipe(file);
            delete(folder);
        }
    }

    private static java.nio.file.attribute.FileAttribute<?> private0700() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }

    /** Overwrites the plaintext before removing it (the editor may have left a backup beside it: see delete). */
    private static void wipe(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            long size = Files.size(file);
            Files.write(file, new byte[(int) Math.min(size, SecretsFile.MAX_BYTES)]);
        } catch (IOException ignored) {
            // removed below either way
        }
    }

    /** Removes the folder and whatever the editor left in it (swap and backup files). */
    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // reported below if the folder stays
                }
            });
        } catch (IOException ignored) {
            // checked below
        }
        if (Files.exists(folder)) {
            System.err.println("warning: could not remove " + folder + "; delete it by hand");
        }
    }
}
