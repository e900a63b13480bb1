package dev.vigil.app.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads a {@link CheckState} from a row of {@code checks}: the ping writer and the alert sender select the same
 * columns, in this order, so that both apply {@link PingRules} to the same state.
 */
public final class CheckStateRows {

    /** The columns to select, in order; the check's id comes first. */
    public static final String COLUMNS = "id, status, last_ping, last_start, last_start_rid, last_duration_ms, "
            + "n_pings, manual_resume, methods, kind, timeout_s, grace_s, schedule, tz, failures_in_a_row, "
            + "alert_after_failures, start_deadline_s";
    /** How many columns {@link #COLUMNS} names; further selected columns start after it. */
    public static final int COUNT = 17;

    private CheckStateRows() {
    }

    /** The check's id, column 1. */
    public static UUID id(ResultSet rs) throws SQLException {
        return rs.getObject(1, UUID.class);
    }

    /** The state in the current row; an unusable stored schedule gives a state without schedule. */
    public static CheckState read(ResultSet rs, ScheduleCache schedules) throws SQLException {
        long duration = rs.getLong(6);
        Long lastDuration = rs.wasNull() ? null : duration;
        int deadline = rs.getInt(17);
        Duration startDeadline = rs.wasNull() ? null : Duration.ofSeconds(deadline);
        return new CheckState(
                CheckStatus.fromDb(rs.getString(2)),
                instant(rs.getTimestamp(3)),
                instant(rs.getTimestamp(4)),
                rs.getObject(5, UUID.class),
                lastDuration,
                rs.getLong(7),
                rs.getBoolean(8),
                rs.getString(9),
                schedules.get(rs.getString(10), rs.getInt(11), rs.getInt(12), rs.getString(13), rs.getString(14),
                        id(rs)).orElse(null),
                rs.getInt(15),
                rs.getInt(16),
                startDeadline);
    }

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
