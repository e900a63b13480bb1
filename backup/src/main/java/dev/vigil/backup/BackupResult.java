package dev.vigil.backup;

import java.time.Duration;

/** A backup that is stored, with its manifest. */
public record BackupResult(BackupKey key, Manifest manifest) {

    public Duration duration() {
        return Duration.ofMillis(manifest.durationMillis());
    }

    /** One line for logs and for the check's success ping. */
    public String summary() {
        double seconds = Math.max(manifest.durationMillis(), 1) / 1000.0;
        return "backup of " + manifest.database() + " stored as " + key.objectKey() + ": "
                + Sizes.bytes(manifest.size()) + " encrypted (" + Sizes.bytes(manifest.dumpSize()) + " dump) in "
                + Sizes.duration(duration()) + ", " + Sizes.bytes((long) (manifest.dumpSize() / seconds))
                + "/s; sha256 " + manifest.sha256();
    }
}
