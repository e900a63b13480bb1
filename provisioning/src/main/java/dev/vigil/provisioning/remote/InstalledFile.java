package dev.vigil.provisioning.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A file an ops command installed on this host for a scheduled job to read ({@code ops wg verify --local},
 * {@code ops lb renew --local}): read and parsed, with errors that say which command writes it.
 */
public final class InstalledFile {

    /** Files of this kind are a page of text; a larger one is not ours. */
    private static final long MAX_BYTES = 1 << 20;

    private InstalledFile() {
    }

    /** The parsed {@code file}; {@code installedBy} names the command that writes it, for the error messages. */
    public static <T> T read(Path file, String installedBy, Function<String, T> parser) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + " is larger than 1 MiB: not a file '" + installedBy
                        + "' wrote");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no " + file + " on this host: '" + installedBy + "' installs it");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
