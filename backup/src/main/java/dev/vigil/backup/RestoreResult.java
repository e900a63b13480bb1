package dev.vigil.backup;

import java.time.Duration;

/**
 * A finished restore. {@code manifestChecked} is false when the backup had no manifest, so only the OpenPGP
 * integrity check vouched for it.
 */
public record RestoreResult(String objectKey, String database, long size, String sha256, long dumpBytes,
                            boolean manifestChecked, boolean createdDatabase, Duration duration) {

    public String summary() {
        return "restored " + objectKey + " into " + (createdDatabase ? "new database " : "database ") + database
                + ": " + Sizes.bytes(dumpBytes) + " dump in " + Sizes.duration(duration) + "; sha256 " + sha256
                + (manifestChecked ? " (matches the manifest)" : " (no manifest to check it against)");
    }
}
