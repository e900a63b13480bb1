package dev.vigil.app.bodies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local spool of ping bodies on their way to object storage. A body is written and synced to
 * {@code incoming/} by the request thread, renamed into {@code ready/} under its object key by the ping writer
 * before the ping's transaction commits, and deleted by the uploader once the object store has it. So a committed
 * ping's body is always either on this disk or in the bucket, across crashes and restarts.
 */
public final class BodySpool {

    private final Path incoming;
    private final Path ready;

    public BodySpool(Path root) {
        this.incoming = root.resolve("incoming");
        this.ready = root.resolve("ready");
        try {
            Files.createDirectories(incoming);
            Files.createDirectories(ready);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the body spool in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Writes a body durably under a temporary name. */
    public SpooledBody stage(byte[] body) throws IOException {
        Path file = incoming.resolve(UUID.randomUUID() + ".body");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(body);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
        return new SpooledBody(file);
    }

    /** The bytes of a staged body, wherever it is now (staged, or already given its key). */
    public byte[] readStaged(SpooledBody body) throws IOException {
        return Files.readAllBytes(body.file());
    }

    /** Gives a staged body its object key; {@link #syncReady()} makes the renames durable. */
    public void promote(SpooledBody body, String key) throws IOException {
        Path target = ready.resolve(fileName(key));
        if (body.file().equals(target)) {
            return;
        }
        try {
            Files.move(body.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(body.file(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        body.movedTo(target);
    }

    /** Flushes the ready directory's entries (the renames) to disk; called once per batch, before its commit. */
    public void syncReady() throws IOException {
        try (FileChannel dir = FileChannel.open(ready, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Drops a staged body whose ping was not written. */
    public void discard(SpooledBody body) {
        try {
            Files.deleteIfExists(body.file());
        } catch (IOException e) {
            // an orphan file in the spool; cleanOrphans removes it later
        }
    }

    /** Bodies waiting for upload, as (object key, file), oldest first is not promised. */
    public List<Waiting> waiting(int max) throws IOException {
        List<Waiting> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ready)) {
            for (Path f : files) {
                out.add(new Waiting(keyOf(f.getFileName().toString()), f));
                if (out.size() >= max) {
                    break;
                }
            }
        }
        return out;
    }

    /** The body of {@code key} if it is still here (not yet uploaded). */
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(ready.resolve(fileName(key))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(Waiting w) throws IOException {
        Files.deleteIfExists(w.file());
    }

    /** Removes staged bodies older than {@code age}: their pings were never committed (a crash mid-request). */
    public int cleanOrphans(Duration age) throws IOException {
        Instant cutoff = Instant.now().minus(age);
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming)) {
            for (Path f : files) {
                FileTime modified = Files.getLastModifiedTime(f);
                if (modified.toInstant().isBefore(cutoff) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Keys hold one '/', which file names cannot. */
    static String fileName(String key) {
        return key.replace('/', '_');
    }

    static String keyOf(String fileName) {
        int i = fileName.indexOf('_');
        return fileName.substring(0, i) + '/' + fileName.substring(i + 1);
    }

    /** A spooled body waiting for upload. */
    public record Waiting(String key, Path file) {
    }
}
