package dev.vigil.backup;

import java.time.Instant;
import java.util.List;

/**
 * What prune removed (or, in a dry run, would remove): expired backups with their manifests, and manifests
 * left without their backup; and what it kept.
 */
public record PruneResult(boolean dryRun, List<BackupEntry> removed, List<String> orphanManifests,
                          List<BackupEntry> kept, Instant now) {

    public PruneResult {
        removed = List.copyOf(removed);
        orphanManifests = List.copyOf(orphanManifests);
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
        out.append(dryRun ? "dry run: " : "").append(removed.size()).append(" backup")
                .append(removed.size() == 1 ? "" : "s").append(dryRun ? " would be" : "").append(" deleted, ")
                .append(kept.size()).append(" kept\n");
        return out.toString();
    }
}
