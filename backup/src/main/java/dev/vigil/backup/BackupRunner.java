package dev.vigil.backup;

import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.store.ObjectStore;
import dev.vigil.backup.store.ObjectUpload;
import dev.vigil.client.VigilCheck;
import dev.vigil.openpgp.Encryptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * The nightly backup: {@code pg_dump --format=custom} piped through OpenPGP encryption straight into a
 * multipart upload. The dump exists only in pipes and in the upload's part buffers; no byte of it touches
 * the disk unencrypted and memory stays bounded by the part buffers whatever the database's size.
 *
 * <p>The object appears only when pg_dump exited with status 0 and every part arrived; otherwise the upload
 * is aborted and nothing is left, or, if the storage does not take the abort either, the message says that the
 * incomplete upload is left and which command removes it. The manifest is written after the object. The check is
 * pinged {@code /start} before and success or {@code /fail} (with the error) after, whatever the failure.
 */
public final class BackupRunner {

    private static final int COPY_BUFFER = 1 << 16;

    private final Postgres postgres;
    private final ObjectStore store;
    private final String prefix;
    private final Encryptor encryptor;
    private final Clock clock;

    public BackupRunner(Postgres postgres, ObjectStore store, String prefix, Encryptor encryptor) {
        this(postgres, store, prefix, encryptor, Clock.systemUTC());
    }

    public BackupRunner(Postgres postgres, ObjectStore store, String prefix, Encryptor encryptor, Clock clock) {
        this.postgres = postgres;
        this.store = store;
        this.prefix = BackupKey.normalizePrefix(prefix);
        this.encryptor = encryptor;
        this.clock = clock;
    }

    /**
     * Backs up {@code database}. Returns the stored backup, or throws {@link BackupException} after
     * reporting the failure to {@code check}; a check that cannot be reached does not fail the backup.
     */
    public BackupResult run(String database, VigilCheck check, ProgressListener progress) {
        Instant started = clock.instant();
        BackupKey key = new BackupKey(prefix, database, started);
        check.start();
        BackupResult result;
        try {
            result = dumpAndUpload(key, progress);
        } catch (BackupException e) {
            reportFailure(check, "backup of " + database + " failed: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            BackupException wrapped = new BackupException("backup of " + database + " failed: " + e, e);
            reportFailure(check, wrapped.getMessage());
            throw wrapped;
        } catch (Error e) {
            reportFailure(check, "backup of " + database + " failed: " + e);
            throw e;
        }
        check.success(result.summary());
        return result;
    }

    /**
     * Pings {@code /fail}, with the check's own retries. An interrupt left on this thread would make the HTTP
     * client give up before sending, so it is held back for the ping and put back after.
     */
    private static void reportFailure(VigilCheck check, String message) {
        boolean interrupted = Thread.interrupted();
        try {
            check.fail(message);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private BackupResult dumpAndUpload(BackupKey key, ProgressListener progress) {
        long t0 = System.nanoTime();
        String database = key.database();
        store.checkBucket(); // fail on a missing bucket before any work
        String pgDumpVersion = postgres.pgDumpVersion();
        String serverVersion = postgres.serverVersion(database); // also proves we can connect

        ObjectUpload upload = store.startUpload(key.objectKey());
        Postgres.ToolProcess dump = null;
        ProgressMeter meter = new ProgressMeter("dump", progress);
        Sha256.Out ciphertext = new Sha256.Out(upload);
        long size;
        try {
            dump = postgres.startDump(database);
            dump.closeStdin();
            OutputStream plaintext = encryptor.encrypt(ciphertext, database + ".dump", key.time());
            copy(dump.stdout(), plaintext, meter);
            int status = dump.waitFor();
            if (status != 0) {
                throw new BackupException("pg_dump of " + database + " failed ("
                        + Postgres.ToolProcess.describeExit(status) + ")" + dump.stderrSuffix());
            }
            plaintext.close(); // ends the OpenPGP message: writes the MDC
            size = upload.complete();
        } catch (IOException | RuntimeException e) {
            if (dump != null) {
                dump.kill();
            }
            String cause = e instanceof BackupException b ? b.getMessage() : describe(e, dump);
            throw new BackupException(cause + abort(upload), e);
        }
        meter.finish();
        Manifest manifest = new Manifest(key.objectKey(), database, key.time(),
                (System.nanoTime() - t0) / 1_000_000, size, ciphertext.sha.hex(), meter.bytes(),
                pgDumpVersion, serverVersion, encryptor.recipients());
        try {
            store.put(key.manifestKey(), manifest.toJson(), "application/json");
        } catch (BackupException e) {
            throw new BackupException("the backup was stored as " + key.objectKey()
                    + " but its manifest could not be written: " + e.getMessage(), e);
        }
        return new BackupResult(key, manifest);
    }

    /** A failed write to the upload is most often S3; a failed read is pg_dump. */
    private static String describe(Exception e, Postgres.ToolProcess dump) {
        if (e.getCause() instanceof BackupException b) {
            return b.getMessage();
        }
        String tail = dump == null ? "" : dump.stderrSuffix();
        return "backup stream failed: " + e.getMessage() + (tail.isEmpty() ? "" : " (pg_dump" + tail + ")");
    }

    /**
     * Aborts the upload and says how that went, as the end of the failure's message: either nothing is left, or
     * what is left and which command removes it. Exactly one of the two.
     */
    private static String abort(ObjectUpload upload) {
        try {
            upload.abort();
            return "; the upload was aborted, nothing was stored";
        } catch (RuntimeException e) {
            return "; nothing was stored, but the incomplete upload is left in the bucket (" + e.getMessage()
                    + "): 'ops backup list' shows it and 'ops backup prune' removes it once it is a day old";
        }
    }

    private static void copy(InputStream in, OutputStream out, ProgressMeter meter) throws IOException {
        byte[] buf = new byte[COPY_BUFFER];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            meter.add(n);
        }
    }
}
