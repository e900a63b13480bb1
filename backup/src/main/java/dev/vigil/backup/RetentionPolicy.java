package dev.vigil.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which backups to keep: those younger than {@code keepDays}, and in any case the newest {@code keepMin} of
 * each database, so that a backup job that stopped working does not see its last good backups pruned away.
 */
public record RetentionPolicy(int keepDays, int keepMin) {

    public RetentionPolicy {
        if (keepDays < 1) {
            throw new IllegalArgumentException("keepDays must be at least 1, not " + keepDays);
        }
        if (keepMin < 0) {
            throw new IllegalArgumentException("keepMin must be >= 0, not " + keepMin);
        }
    }

    /** The backups of one database that have expired at {@code now}, oldest first. */
    public List<BackupEntry> expired(List<BackupEntry> backupsOfOneDatabase, Instant now) {
        List<BackupEntry> newestFirst = new ArrayList<>(backupsOfOneDatabase);
        newestFirst.sort(Comparator.comparing((BackupEntry e) -> e.key().time()).reversed());
        Duration window = Duration.ofDays(keepDays);
        List<BackupEntry> expired = new ArrayList<>();
        for (int i = keepMin; i < newestFirst.size(); i++) {
            BackupEntry e = newestFirst.get(i);
            if (e.age(now).compareTo(window) > 0) {
                expired.add(e);
            }
        }
        expired.sort(Comparator.comparing((BackupEntry e) -> e.key().time()));
        return expired;
    }
}
