package dev.vigil.backup;

/**
 * A backup operation failed for a reason an operator can act on. The message is meant to be shown as is:
 * it names what failed (the bucket, pg_dump's stderr, the key) and never contains a secret.
 */
public class BackupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
