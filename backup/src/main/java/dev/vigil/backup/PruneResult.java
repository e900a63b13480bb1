package dev.vigil.backup;

import java.time.Instant;
import java.util.List;

/**
 * What prune removed (or, in a dry run, would remove): expired backups with their manifests, manifests left
 * without their backup and incomplete uploads older than a day; and what it kept.
 */
public record PruneResult(boolean dryRun, List<BackupEntry> removed, List<String> orphanManifests,
                          List<IncompleteBackup> abortedUploads, List<BackupEntry> kept, Instant now) {

    public PruneResult {
        removed = List.copyOf(removed);
        orphanManifests = List.copyOf(orphanManifests);
        abortedUploads = List.copyOf(abortedUploads);
        kept = List.copyOf(kept);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        String verb = dryRun ? "would delete " : "deleted ";
        for (BackupEntry e : removed) {
            out.append(verb).append(e.objectKey()).append(" (").append(Sizes.bytes(e.size())).append(", ")
                    .append(Sizes.duration(e.age(now))).append(" old)\n");
        }
        for (String m : orphanManifests) {
            out.append(verb).append(m).append(" (manifest without backup)\n");
        }
        for (IncompleteBackup u : abortedUploads) {
            out.append(dryRun ? "would abort " : "aborted ").append("the incomplete upload of ")
                    .append(u.key().objectKey()).append(" (").append(Sizes.duration(u.age(now))).append(" old)\n");
        }
        out.append(dryRun ? "dry run: " : "").append(removed.size()).append(" backup")
                .append(removed.size() == 1 ? "" : "s").append(dryRun ? " would be" : "").append(" deleted, ")
                .append(kept.size()).append(" kept");
        if (!abortedUploads.isEmpty()) {
            out.append("; ").append(abortedUploads.size()).append(" incomplete upload")
                    .append(abortedUploads.size() == 1 ? "" : "s").append(dryRun ? " would be" : "").append(" aborted");
        }
        out.append('\n');
        return out.toString();
    }
}
