package dev.vigil.backup.pg;

import java.util.Map;

/**
 * What a sanity check of a restored database found: the row count of every table ({@code schema.table}) and
 * the newest value of each watched timestamp column ({@code schema.table.column}, as text in UTC; null for
 * an empty table).
 */
public record TableStats(Map<String, Long> rowCounts, Map<String, String> newestTimestamps) {
}
