package dev.vigil.app.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns unprocessed flips into notifications, one per enabled channel of the check, and marks the flips processed
 * in the same statement: a flip is fanned out exactly once, whichever sender gets it. As in Healthchecks, only
 * going down and coming back up from down are told; new->up and paused->up are not. Flips that a dependency or a
 * maintenance window may hold are left to {@link HeldAlerts}, which decides each by the one hold rule.
 */
final class FlipFanOut {

    private static final String FAN_OUT = "WITH f AS ("
            + " SELECT check_id, id, created, old_status, new_status, reason FROM flips"
            + " WHERE processed IS NULL AND NOT " + HeldAlerts.GUARDED
            + " ORDER BY created LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " ins AS (INSERT INTO notifications (check_id, channel_id, flip_id, flip_created, old_status,"
            + " new_status, reason)"
            + " SELECT f.check_id, cc.channel_id, f.id, f.created, f.old_status, f.new_status, f.reason"
            + " FROM f JOIN check_channels cc ON cc.check_id = f.check_id"
            + " JOIN channels ch ON ch.id = cc.channel_id AND NOT ch.disabled"
            + " WHERE f.new_status = 'down' OR (f.new_status = 'up' AND f.old_status = 'down')"
            + " ON CONFLICT DO NOTHING RETURNING 1),"
            + " upd AS (UPDATE flips SET processed = now() FROM f"
            + " WHERE flips.check_id = f.check_id AND flips.id = f.id RETURNING 1)"
            + " SELECT (SELECT count(*) FROM upd) AS processed, (SELECT count(*) FROM ins) AS created";

    private FlipFanOut() {
    }

    /**
     * Processes at most {@code limit} flips, and as many that may be held; returns the larger number of flips
     * processed or notifications created, so that the sender knows when to come back at once.
     */
    static int fanOut(Connection c, int limit) throws SQLException {
        int plain;
        try (PreparedStatement st = c.prepareStatement(FAN_OUT)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                plain = rs.getInt("created");
            }
        }
        HeldAlerts.Round guarded = HeldAlerts.fanOut(c, limit);
        return Math.max(plain, Math.max(guarded.flips(), guarded.told()));
    }
}
