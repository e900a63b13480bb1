package dev.vigil.app.holds;

import dev.vigil.app.db.Columns;
import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.ScheduleExpression;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

/**
 * Reads a {@link MaintenanceWindow} from a row of {@code maintenance_windows}: the alert sender and the API select
 * the same columns. The stored schedule was checked when the window was saved.
 */
public final class MaintenanceWindowRows {

    public static final String COLUMNS = "id, project_id, scope, check_id, tag, starts, ends, schedule, tz, "
            + "duration_s, reason";

    private MaintenanceWindowRows() {
    }

    public static MaintenanceWindow read(ResultSet rs) throws SQLException {
        UUID id = Columns.uuid(rs, "id");
        MaintenanceWindow.Scope scope = MaintenanceWindow.Scope.valueOf(rs.getString("scope")
                .toUpperCase(java.util.Locale.ROOT));
        String target = switch (scope) {
            case CHECK -> Columns.uuid(rs, "check_id").toString();
            case TAG -> rs.getString("tag");
            case PROJECT -> "";
        };
        String schedule = rs.getString("schedule");
        if (schedule == null) {
            return MaintenanceWindow.oneOff(id, scope, target, instant(rs.getTimestamp("starts")),
                    instant(rs.getTimestamp("ends")), rs.getString("reason"));
        }
        return MaintenanceWindow.recurring(id, scope, target, ScheduleExpression.parse(schedule),
                CronSchedule.parseZone(rs.getString("tz")), Duration.ofSeconds(rs.getInt("duration_s")),
                rs.getString("reason"));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
