package dev.vigil.backup;

import java.util.List;

/**
 * {@code timestampColumns}: columns whose newest value the report shows, as a bare name ({@code created}:
 * that column in every table) or {@code table.column}; only timestamp and date columns count.
 * {@code scratchPrefix}: the start of the scratch database's name, which also gets the backup's time and a
 * random suffix.
 */
public record VerifyOptions(List<String> timestampColumns, String scratchPrefix) {

    /** Vigil's tables all have a {@code created} column; pings.created is the time of the latest ping. */
    public static final VerifyOptions DEFAULT = new VerifyOptions(List.of("created", "time"), "vigil_verify_");

    public VerifyOptions {
        timestampColumns = List.copyOf(timestampColumns);
        for (String c : timestampColumns) {
            if (c.isBlank() || c.contains(",")) {
                throw new IllegalArgumentException("bad timestamp column: '" + c + "'");
            }
        }
        if (!scratchPrefix.matches("[a-z_][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("scratch prefix must be a short lower-case identifier: " + scratchPrefix);
        }
    }
}
