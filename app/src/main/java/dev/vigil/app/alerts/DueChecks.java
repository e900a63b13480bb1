package dev.vigil.app.alerts;

import dev.vigil.app.checks.CheckState;
import dev.vigil.app.checks.CheckStateRows;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.app.checks.Status;
import dev.vigil.app.checks.StatusNow;
import dev.vigil.app.checks.StoredAlertTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks whose stored alert time has passed. The stored time is never later than the real one but may be earlier
 * ({@link StoredAlertTime}), so each is looked at again: a check whose real alert time has passed goes down, with a
 * "down" flip dated at that time; any other gets its real alert time stored. Claimed with
 * {@code FOR UPDATE SKIP LOCKED}: several senders split the due checks between them, and a check that a ping batch
 * holds locked is left for the next round (the ping may well bring it up).
 */
final class DueChecks {

    /** Any check not down yet: a new or paused check that was sent /start and never finished goes down too. */
    private static final String CLAIM = "SELECT " + CheckStateRows.COLUMNS + ", status AS old_status, now() AS db_now "
            + "FROM checks WHERE alert_after <= now() AND status <> 'down' "
            + "ORDER BY alert_after LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String MARK_DOWN = "UPDATE checks c SET status = 'down', alert_after = NULL "
            + "FROM unnest(?::uuid[]) AS v(id) WHERE c.id = v.id";
    private static final String DOWN_FLIPS = "INSERT INTO flips (check_id, created, old_status, new_status, reason) "
            + "SELECT id, at, old, 'down', 'timeout' FROM unnest(?::uuid[], ?::timestamptz[], ?::text[]) "
            + "AS v(id, at, old)";
    private static final String REARM = "UPDATE checks c SET alert_after = v.at "
            + "FROM unnest(?::uuid[], ?::timestamptz[]) AS v(id, at) WHERE c.id = v.id";

    /**
     * What the sender does with a claimed check at {@code now}: mark it down, with a flip dated {@code at}, or store
     * {@code at} (null: never) as its alert time. Both follow {@link StatusNow}, the rule the API shows.
     */
    record Decision(boolean down, Instant at) {

        static Decision of(CheckState state, Instant now) {
            StatusNow status = StatusNow.of(state, now);
            return new Decision(status.status() == Status.DOWN, status.goingDown());
        }
    }

    /** What one round did: checks marked down, and checks looked at in all (down or given a later time). */
    record Round(int down, int claimed) {
    }

    private final ScheduleCache schedules = new ScheduleCache();

    /** Looks at most {@code limit} checks whose stored alert time has passed. Runs in the caller's transaction. */
    Round markDown(Connection c, int limit) throws SQLException {
        List<Object> downIds = new ArrayList<>();
        List<Object> downAt = new ArrayList<>();
        List<Object> downFrom = new ArrayList<>();
        List<Object> laterIds = new ArrayList<>();
        List<Object> laterAt = new ArrayList<>();
        int claimed = 0;
        try (PreparedStatement st = c.prepareStatement(CLAIM)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    claimed++;
                    UUID id = CheckStateRows.id(rs);
                    CheckState state = CheckStateRows.read(rs, schedules);
                    Instant now = rs.getTimestamp("db_now").toInstant(); // the database's clock
                    Decision decision = Decision.of(state, now);
                    if (decision.down()) {
                        downIds.add(id);
                        downAt.add(decision.at().toString());
                        downFrom.add(rs.getString("old_status"));
                    } else {
                        laterIds.add(id);
                        laterAt.add(decision.at() == null ? null : decision.at().toString());
                    }
                }
            }
        }
        if (!downIds.isEmpty()) {
            try (PreparedStatement down = c.prepareStatement(MARK_DOWN);
                 PreparedStatement flips = c.prepareStatement(DOWN_FLIPS)) {
                down.setArray(1, c.createArrayOf("uuid", downIds.toArray()));
                down.executeUpdate();
                flips.setArray(1, c.createArrayOf("uuid", downIds.toArray()));
                flips.setArray(2, c.createArrayOf("text", downAt.toArray()));
                flips.setArray(3, c.createArrayOf("text", downFrom.toArray()));
                flips.executeUpdate();
            }
        }
        if (!laterIds.isEmpty()) {
            try (PreparedStatement later = c.prepareStatement(REARM)) {
                later.setArray(1, c.createArrayOf("uuid", laterIds.toArray()));
                later.setArray(2, c.createArrayOf("text", laterAt.toArray()));
                later.executeUpdate();
            }
        }
        return new Round(downIds.size(), claimed);
    }
}
