package dev.vigil.app.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Checks whose alert time has passed go down, each with a "down" flip dated at its alert time. Claimed with
 * {@code FOR UPDATE SKIP LOCKED}: several senders split the due checks between them, and a check that a ping batch
 * holds locked is left for the next round (the ping may well bring it up).
 */
final class DueChecks {

    private static final String MARK_DOWN = "WITH due AS ("
            + " SELECT id, status, alert_after FROM checks"
            + " WHERE alert_after <= now() AND status IN ('up', 'grace')"
            + " ORDER BY alert_after LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " down AS (UPDATE checks c SET status = 'down', alert_after = NULL FROM due WHERE c.id = due.id"
            + " RETURNING c.id, due.status AS old_status, due.alert_after)"
            + " INSERT INTO flips (check_id, created, old_status, new_status, reason)"
            + " SELECT id, alert_after, old_status, 'down', 'timeout' FROM down";

    private DueChecks() {
    }

    /** Marks at most {@code limit} due checks down; returns how many. Runs in the caller's transaction. */
    static int markDown(Connection c, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(MARK_DOWN)) {
            st.setInt(1, limit);
            return st.executeUpdate();
        }
    }
}
