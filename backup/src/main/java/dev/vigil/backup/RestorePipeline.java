package dev.vigil.backup;

import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.store.ObjectStore;
import dev.vigil.openpgp.Decryptor;
import dev.vigil.openpgp.IntegrityException;
import dev.vigil.openpgp.OpenPgpException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Download, decrypt and {@code pg_restore}, streamed: the shared core of restore and verify. pg_restore runs
 * in a single transaction and is given the archive's last bytes only after the OpenPGP integrity check and
 * the manifest's SHA-256 have passed, so a corrupted backup is rolled back, never half restored.
 */
final class RestorePipeline {

    /** Larger than anything pg_restore could finish without: the end of the last data block. */
    private static final int HOLDBACK = 1 << 16;
    private static final int COPY_BUFFER = 1 << 16;

    private final Postgres postgres;
    private final ObjectStore store;
    private final Decryptor decryptor;

    RestorePipeline(Postgres postgres, ObjectStore store, Decryptor decryptor) {
        this.postgres = postgres;
        this.store = store;
        this.decryptor = decryptor;
    }

    /** What was restored. */
    record Outcome(long size, String sha256, long dumpBytes) {
    }

    /**
     * Restores {@code objectKey} into {@code database}. {@code beforeRestore} runs once the key has been
     * unlocked and the message's header read (wrong key and wrong passphrase fail before it), just before
     * pg_restore starts: the place to create the target database.
     */
    Outcome run(String objectKey, String expectedSha256, String database, boolean clean, boolean noOwner,
                Runnable beforeRestore, ProgressListener progress) {
        Sha256.In raw;
        try {
            raw = new Sha256.In(store.open(objectKey));
        } catch (IOException e) {
            throw new BackupException("cannot download " + objectKey + ": " + e.getMessage(), e);
        }
        try (raw) {
            InputStream plain;
            try {
                plain = decryptor.open(raw);
            } catch (OpenPgpException e) {
                throw new BackupException("cannot decrypt the backup " + objectKey + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new BackupException("cannot read " + objectKey + " as an encrypted backup: " + e.getMessage(), e);
            }
            beforeRestore.run();
            Postgres.ToolProcess restore = postgres.startRestore(database, clean, noOwner);
            HoldbackOutputStream restoreInput = new HoldbackOutputStream(restore.stdin(), HOLDBACK);
            ProgressMeter meter = new ProgressMeter("restore", progress);
            IOException writeFailure = null;
            Exception readFailure = null;
            byte[] buf = new byte[COPY_BUFFER];
            try {
                int n;
                while ((n = plain.read(buf)) >= 0) {
                    meter.add(n);
                    if (writeFailure == null) {
                        try {
                            restoreInput.write(buf, 0, n);
                        } catch (IOException e) {
                            writeFailure = e; // pg_restore gave up; read on to tell a bad backup from a bad restore
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                readFailure = e;
            }
            try {
                raw.drain();
            } catch (IOException e) {
                if (readFailure == null) {
                    readFailure = e;
                }
            }
            String sha256 = raw.sha.hex();
            long size = raw.sha.count();
            boolean shaMismatch = expectedSha256 != null && !expectedSha256.equalsIgnoreCase(sha256);
            if (readFailure != null || shaMismatch) {
                restore.kill();
                throw new BackupException(unusable(objectKey, readFailure, shaMismatch, expectedSha256, sha256,
                        size, database));
            }
            if (writeFailure == null) {
                try {
                    restoreInput.release();
                } catch (IOException e) {
                    writeFailure = e;
                }
            }
            restore.closeStdin();
            int status = restore.waitFor();
            if (status != 0 || writeFailure != null) {
                throw new BackupException("pg_restore into " + database + " failed (" + Postgres.ToolProcess.describeExit(status) + ")"
                        + restore.stderrSuffix() + "; its transaction was rolled back");
            }
            meter.finish();
            return new Outcome(size, sha256, meter.bytes());
        } catch (IOException e) {
            throw new BackupException("cannot download " + objectKey + ": " + e.getMessage(), e);
        }
    }

    private static String unusable(String objectKey, Exception readFailure, boolean shaMismatch, String expected,
                                   String actual, long size, String database) {
        StringBuilder m = new StringBuilder();
        if (readFailure instanceof Sha256.DownloadFailure) {
            m.append("cannot download ").append(objectKey).append(": ").append(readFailure.getMessage());
        } else if (readFailure != null) {
            m.append("the backup ").append(objectKey).append(" is corrupted: ").append(message(readFailure));
            if (shaMismatch) {
                m.append("; its SHA-256 ").append(actual).append(" differs from the manifest's ").append(expected);
            }
        } else {
            m.append("the backup ").append(objectKey).append(" does not match its manifest: SHA-256 of the ")
                    .append(size).append(" bytes downloaded is ").append(actual).append(", the manifest says ")
                    .append(expected);
        }
        return m.append("; nothing was restored into ").append(database)
                .append(" (pg_restore was stopped before it could commit)").toString();
    }

    private static String message(Exception e) {
        if (e instanceof IntegrityException) {
            return e.getMessage();
        }
        return "cannot decrypt it (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + e.getMessage()) + ")";
    }
}
