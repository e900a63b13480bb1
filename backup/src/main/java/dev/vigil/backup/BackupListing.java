package dev.vigil.backup;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What {@code ops backup list} shows: the backups, then the uploads that failed runs left incomplete. */
public record BackupListing(List<BackupEntry> backups, List<IncompleteBackup> incomplete) {

    public BackupListing {
        backups = List.copyOf(backups);
        incomplete = List.copyOf(incomplete);
    }

    public boolean isEmpty() {
        return backups.isEmpty() && incomplete.isEmpty();
    }

    /** The backups as {@link BackupEntry#renderTable} shows them, then a table of the incomplete uploads, if any. */
    public String render(Instant now) {
        StringBuilder out = new StringBuilder();
        if (!backups.isEmpty()) {
            out.append(BackupEntry.renderTable(backups, now));
        }
        if (!incomplete.isEmpty()) {
            if (!backups.isEmpty()) {
                out.append('\n');
            }
            out.append("incomplete uploads (left by failed runs; 'ops backup prune' aborts those older than a day):\n");
            out.append(String.format(Locale.ROOT, "%-20s  %12s  %s%n", "STARTED (UTC)", "AGE", "KEY"));
            for (IncompleteBackup u : incomplete) {
                out.append(String.format(Locale.ROOT, "%-20s  %12s  %s%n", BackupEntry.TIME.format(u.key().time()),
                        Sizes.duration(u.age(now)), u.key().objectKey()));
            }
        }
        return out.toString();
    }

}
