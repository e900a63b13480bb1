package dev.vigil.backup;

import dev.vigil.backup.pg.TableStats;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of verifying one backup. {@code ok} only if the backup decrypted with an intact integrity
 * check, matched its manifest, restored without error and could be queried. {@code problems} says what went
 * wrong otherwise; {@code stats} is null if the restore did not get that far.
 */
public record VerifyReport(String objectKey, boolean ok, List<String> problems, Manifest manifest, String sha256,
                           long size, long dumpBytes, TableStats stats, String scratchDatabase,
                           boolean scratchDropped, Duration duration) {

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    /** The report as text for a terminal and for the check's ping body. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("verify ").append(objectKey == null ? "(no backup)" : objectKey).append(": ")
                .append(ok ? "OK" : "FAILED").append(" in ").append(Sizes.duration(duration)).append('\n');
        if (manifest != null) {
            out.append("  taken        ").append(manifest.started()).append(" from ").append(manifest.serverVersion())
                    .append(" by ").append(manifest.pgDumpVersion()).append('\n');
        }
        if (sha256 != null) {
            out.append("  ciphertext   ").append(Sizes.bytes(size)).append(", sha256 ").append(sha256)
                    .append(manifest == null ? " (no manifest)" : sha256.equals(manifest.sha256())
                            ? " (matches manifest)" : " (manifest says " + manifest.sha256() + ")").append('\n');
        }
        if (stats != null) {
            out.append("  restored     ").append(Sizes.bytes(dumpBytes)).append(" dump into scratch database ")
                    .append(scratchDatabase).append('\n');
            out.append("  tables       ").append(stats.rowCounts().size()).append('\n');
            int width = stats.rowCounts().keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, Long> e : stats.rowCounts().entrySet()) {
                out.append("    ").append(pad(e.getKey(), width)).append(' ')
                        .append(String.format(Locale.ROOT, "%,12d %s", e.getValue(), e.getValue() == 1 ? "row " : "rows"));
                String prefix = e.getKey() + ".";
                stats.newestTimestamps().forEach((column, newest) -> {
                    if (column.startsWith(prefix) && column.indexOf('.', prefix.length()) < 0) {
                        out.append("  newest ").append(column.substring(prefix.length())).append(' ')
                                .append(newest == null ? "-" : newest);
                    }
                });
                out.append('\n');
            }
        }
        if (scratchDatabase != null && !scratchDropped) {
            out.append("  scratch database ").append(scratchDatabase).append(" was NOT dropped\n");
        }
        for (String p : problems) {
            out.append("  problem: ").append(p).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
