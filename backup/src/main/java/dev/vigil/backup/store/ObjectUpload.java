package dev.vigil.backup.store;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An object being written as a stream. It appears in the bucket only on {@link #complete()}; {@link #abort()}
 * (or {@link #close()} before completing) discards everything written so far, so a failed upload leaves nothing.
 */
public abstract class ObjectUpload extends OutputStream {

    /** Sends what is buffered and makes the object visible; returns its size in bytes. */
    public abstract long complete() throws IOException;

    /**
     * Discards the upload; safe to call more than once and after a failure. Throws
     * {@link dev.vigil.backup.BackupException} if the storage did not take the abort: the incomplete upload is then
     * left in the bucket, and a later call tries again.
     */
    public abstract void abort();

    /** Aborts unless completed: an upload left by an exception must not become an object. */
    @Override
    public void close() {
        try {
            abort();
        } catch (RuntimeException e) {
            // only reached after another failure, which is the one to report; explicit abort() calls throw
        }
    }
}
