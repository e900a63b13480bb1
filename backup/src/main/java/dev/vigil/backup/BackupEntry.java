package dev.vigil.backup;

import dev.vigil.table.TextTable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One backup in the bucket as {@link BackupCatalog#list()} finds it. {@code manifest} is null unless the
 * manifest could be read.
 */
public record BackupEntry(BackupKey key, long size, Instant uploaded, ManifestStatus manifestStatus,
                          Manifest manifest) {

    /** What is known of the manifest beside the object. */
    public enum ManifestStatus {
        /** Present, and it names this object with this size. */
        OK,
        /** No manifest: the backup was interrupted after its upload, or the manifest was deleted. */
        MISSING,
        /** Present but for another object or another size: the object was replaced or truncated. */
        MISMATCH,
        /** Present but not a manifest this version can read. */
        UNREADABLE
    }

    public String objectKey() {
        return key.objectKey();
    }

    /** Age by the time in the key, which is when the dump started. */
    public Duration age(Instant now) {
        return Duration.between(key.time(), now);
    }

    /** A listing for the terminal: one line per backup, oldest first, with a header. */
    public static String renderTable(List<BackupEntry> entries, Instant now) {
        TextTable table = TextTable.withHeader("TIME (UTC)", "SIZE", "AGE", "MANIFEST", "KEY")
                .alignRight(1, 2).minWidths(20, 10, 12, 10);
        for (BackupEntry e : entries) {
            table.row(TIME.format(e.key().time()), Sizes.bytes(e.size()), Sizes.duration(e.age(now)),
                    e.manifestStatus().name().toLowerCase(Locale.ROOT), e.objectKey());
        }
        return table.render();
    }

    /** How listings show a key's time. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
}
