package dev.vigil.backup;

import dev.vigil.backup.store.IncompleteUpload;

import java.time.Duration;
import java.time.Instant;

/**
 * The multipart upload of a backup that never completed: what a run leaves when its storage went away and did not
 * answer the abort either. It is not a backup (there is no object); {@link BackupPruner} aborts it once it is older
 * than {@link BackupPruner#INCOMPLETE_UPLOAD_AGE}.
 */
public record IncompleteBackup(BackupKey key, IncompleteUpload upload) {

    /** Age by the time in the key, which is when the run started, as for backups. */
    public Duration age(Instant now) {
        return Duration.between(key.time(), now);
    }
}
