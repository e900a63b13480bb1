package dev.vigil.app.checks;

import dev.vigil.app.db.Columns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads a {@link CheckState} from a row of {@code checks}: the ping writer and the alert sender select the same
 * columns, so that both apply {@link PingRules} to the same state. Columns are read by name (the driver looks a name
 * up in a map it builds once per result set).
 */
public final class CheckStateRows {

    /** The columns to select. */
    public static final String COLUMNS = "id, status, last_ping, last_start, last_start_rid, last_duration_ms, "
            + "n_pings, manual_resume, methods, kind, timeout_s, grace_s, schedule, tz, failures_in_a_row, "
            + "alert_after_failures, start_deadline_s";

    private CheckStateRows() {
    }

    /** The check's id. */
    public static UUID id(ResultSet rs) throws SQLException {
        return Columns.uuid(rs, "id");
    }

    /** The state in the current row; an unusable stored schedule gives a state without schedule. */
    public static CheckState read(ResultSet rs, ScheduleCache schedules) throws SQLException {
        long duration = rs.getLong("last_duration_ms");
        Long lastDuration = rs.wasNull() ? null : duration;
        int deadline = rs.getInt("start_deadline_s");
        Duration startDeadline = rs.wasNull() ? null : Duration.ofSeconds(deadline);
        return new CheckState(
                CheckStatus.fromDb(rs.getString("status")),
                instant(rs.getTimestamp("last_ping")),
                instant(rs.getTimestamp("last_start")),
                Columns.uuid(rs, "last_start_rid"),
                lastDuration,
                rs.getLong("n_pings"),
                rs.getBoolean("manual_resume"),
                rs.getString("methods"),
                schedules.get(rs.getString("kind"), rs.getInt("timeout_s"), rs.getInt("grace_s"),
                        rs.getString("schedule"), rs.getString("tz"), id(rs)).orElse(null),
                rs.getInt("failures_in_a_row"),
                rs.getInt("alert_after_failures"),
                startDeadline);
    }

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
