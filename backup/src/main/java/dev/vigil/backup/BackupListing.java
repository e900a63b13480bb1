package dev.vigil.backup;

import dev.vigil.table.TextTable;

import java.time.Instant;
import java.util.List;

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
            TextTable table = TextTable.withHeader("STARTED (UTC)", "AGE", "KEY").alignRight(1).minWidths(20, 12);
            for (IncompleteBackup u : incomplete) {
                table.row(BackupEntry.TIME.format(u.key().time()), Sizes.duration(u.age(now)), u.key().objectKey());
            }
            out.append(table.render());
        }
        return out.toString();
    }

}
