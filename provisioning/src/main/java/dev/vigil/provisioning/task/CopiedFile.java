package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.Shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A large file copied from the operator's machine (a jar): compared by SHA-256 on the server, so an unchanged
 * file is never transferred; written atomically with its owner and mode. Its plan shows no diff, only the
 * checksums.
 */
public record CopiedFile(String path, Path source, FileMeta meta) implements Task {

    public CopiedFile {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("file paths must be absolute: " + path);
        }
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("cannot copy " + source + " to " + path + ": no such file");
        }
    }

    @Override
    public String name() {
        return "file " + path;
    }

    @Override
    public Plan plan(TaskContext context) {
        byte[] content;
        try {
            content = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        String wanted = sha256(content);
        Optional<RemoteStat> stat = RemoteStat.of(context.host(), path);
        String current = stat.isEmpty() ? null
                : context.host().check("sha256sum -- " + Shell.quote(path)).split("\\s+")[0];
        boolean differs = !wanted.equals(current);
        boolean metaDiffers = stat.isPresent() && !stat.get().meta().equals(meta);
        if (!differs && !metaDiffers) {
            return Plan.none();
        }
        String what = current == null ? "created from " + source.getFileName() + " (sha256 " + wanted.substring(0, 12)
                + ")" : differs ? "sha256 " + current.substring(0, 12) + " -> " + wanted.substring(0, 12)
                : "owner/mode " + stat.get().meta() + " -> " + meta;
        return Plan.of(what, differs ? () -> context.host().upload(path, content, meta)
                : () -> context.host().check("chown " + Shell.quote(meta.owner() + ":" + meta.group()) + " "
                        + Shell.quote(path) + " && chmod " + meta.octalMode() + " " + Shell.quote(path)));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
