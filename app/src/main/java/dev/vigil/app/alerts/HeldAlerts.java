package dev.vigil.app.alerts;

import dev.vigil.app.db.Columns;
import dev.vigil.app.holds.AlertHold;
import dev.vigil.app.holds.MaintenanceWindow;
import dev.vigil.app.holds.MaintenanceWindowRows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The flips that {@link AlertHold} may hold, and the release of held alerts. {@link FlipFanOut} leaves to this class
 * the flips of checks that have dependencies, a held alert, or maintenance windows in their project
 * ({@link #GUARDED}); each is decided in the transaction that marks it processed: told (notifications), held (one
 * row in {@code held_alerts}) or dropped. A release claims held alerts due for a look with
 * {@code FOR UPDATE SKIP LOCKED} and, in the same transaction, deletes each that nothing holds any more, creating its
 * notifications when the check is still down; the notifications' unique index keeps that to one per channel.
 */
final class HeldAlerts {

    private static final Logger LOG = Logger.getLogger(HeldAlerts.class.getName());

    /** A flip this class decides rather than FlipFanOut's one statement; {@code flips} is the flip's row. */
    static final String GUARDED = "(EXISTS (SELECT 1 FROM check_dependencies d WHERE d.check_id = flips.check_id)"
            + " OR EXISTS (SELECT 1 FROM held_alerts h WHERE h.check_id = flips.check_id)"
            + " OR EXISTS (SELECT 1 FROM maintenance_windows w JOIN checks wc ON wc.project_id = w.project_id"
            + " WHERE wc.id = flips.check_id))";

    /** How soon a held alert is looked at again while a dependency holds it (nobody knows when it comes back). */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private static final String CLAIM_FLIPS = "SELECT flips.check_id, flips.id, flips.new_status, c.project_id,"
            + " c.tags, now() AS db_now FROM flips JOIN checks c ON c.id = flips.check_id"
            + " WHERE flips.processed IS NULL AND " + GUARDED
            // a check's flips in order, even across senders: an up decided while its down is still being decided by
            // another sender would not see that down's held row
            + " AND NOT EXISTS (SELECT 1 FROM flips e WHERE e.check_id = flips.check_id AND e.processed IS NULL"
            + " AND (e.created, e.id) < (flips.created, flips.id))"
            + " ORDER BY flips.created LIMIT ? FOR UPDATE OF flips SKIP LOCKED";
    private static final String TELL_FLIP = "INSERT INTO notifications (check_id, channel_id, flip_id, flip_created,"
            + " old_status, new_status, reason)"
            + " SELECT f.check_id, cc.channel_id, f.id, f.created, f.old_status, f.new_status, f.reason"
            + " FROM flips f JOIN check_channels cc ON cc.check_id = f.check_id"
            + " JOIN channels ch ON ch.id = cc.channel_id AND NOT ch.disabled"
            + " WHERE f.check_id = ? AND f.id = ?"
            + " AND (f.new_status = 'down' OR (f.new_status = 'up' AND f.old_status = 'down'))"
            + " ON CONFLICT DO NOTHING";
    private static final String HOLD_FLIP = "INSERT INTO held_alerts (check_id, flip_id, flip_created, old_status,"
            + " reason, held_by, why, recheck_after)"
            + " SELECT f.check_id, f.id, f.created, f.old_status, f.reason, ?::uuid[], ?, ? FROM flips f"
            + " WHERE f.check_id = ? AND f.id = ? ON CONFLICT DO NOTHING";
    private static final String UNHOLD = "DELETE FROM held_alerts WHERE check_id = ? RETURNING 1";
    private static final String PROCESSED = "UPDATE flips SET processed = now() WHERE check_id = ? AND id = ?";

    private static final String CLAIM_HELD = "SELECT h.check_id, h.flip_id, h.flip_created, h.old_status, h.reason,"
            + " c.status, c.project_id, c.tags, now() AS db_now FROM held_alerts h JOIN checks c ON c.id = h.check_id"
            + " WHERE h.recheck_after <= now() ORDER BY h.recheck_after LIMIT ? FOR UPDATE OF h SKIP LOCKED";
    private static final String TELL_HELD = "INSERT INTO notifications (check_id, channel_id, flip_id, flip_created,"
            + " old_status, new_status, reason)"
            + " SELECT cc.check_id, cc.channel_id, ?, ?, ?, 'down', ? FROM check_channels cc"
            + " JOIN channels ch ON ch.id = cc.channel_id AND NOT ch.disabled WHERE cc.check_id = ?"
            + " ON CONFLICT DO NOTHING";
    private static final String DELETE_HELD = "DELETE FROM held_alerts WHERE check_id = ? AND flip_id = ?";
    private static final String STILL_HELD = "UPDATE held_alerts SET held_by = ?::uuid[], why = ?, recheck_after = ?"
            + " WHERE check_id = ? AND flip_id = ?";

    private static final String DEPENDENCIES = "SELECT d.check_id, dc.id, coalesce(nullif(dc.name, ''), dc.id::text)"
            + " AS name, dc.status = 'down' AS down FROM check_dependencies d JOIN checks dc ON dc.id = d.depends_on"
            + " WHERE d.check_id = ANY(?) ORDER BY 3";
    private static final String WINDOWS = "SELECT " + MaintenanceWindowRows.COLUMNS
            + " FROM maintenance_windows WHERE project_id = ANY(?)";

    private HeldAlerts() {
    }

    private record Row(UUID checkId, long flipId, boolean goingDown, UUID projectId, List<String> tags,
            Instant now) {
    }

    /** What one fan-out of guarded flips did. */
    record Round(int flips, int told) {
    }

    /** Decides at most {@code limit} guarded flips in the caller's transaction. */
    static Round fanOut(Connection c, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(CLAIM_FLIPS)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(Columns.uuid(rs, "check_id"), rs.getLong("id"),
                            "down".equals(rs.getString("new_status")), Columns.uuid(rs, "project_id"),
                            tags(rs.getString("tags")), rs.getTimestamp("db_now").toInstant()));
                }
            }
        }
        if (rows.isEmpty()) {
            return new Round(0, 0);
        }
        Facts facts = Facts.load(c, rows);
        int told = 0;
        // one flip at a time, in order: a check's down and up in one round must see each other's held row
        try (PreparedStatement tell = c.prepareStatement(TELL_FLIP);
             PreparedStatement hold = c.prepareStatement(HOLD_FLIP);
             PreparedStatement unhold = c.prepareStatement(UNHOLD);
             PreparedStatement processed = c.prepareStatement(PROCESSED)) {
            for (Row r : rows) {
                boolean downHeld = false;
                if (!r.goingDown()) {
                    unhold.setObject(1, r.checkId());
                    try (ResultSet rs = unhold.executeQuery()) {
                        downHeld = rs.next();
                    }
                }
                AlertHold.Decision d = AlertHold.decide(facts.of(r, downHeld));
                if (d instanceof AlertHold.Tell) {
                    tell.setObject(1, r.checkId());
                    tell.setLong(2, r.flipId());
                    told += tell.executeUpdate();
                } else if (d instanceof AlertHold.Hold h) {
                    hold.setArray(1, c.createArrayOf("uuid", h.heldBy().toArray()));
                    hold.setString(2, h.why());
                    hold.setTimestamp(3, Timestamp.from(recheck(h, r.now())));
                    hold.setObject(4, r.checkId());
                    hold.setLong(5, r.flipId());
                    hold.executeUpdate();
                }
                processed.setObject(1, r.checkId());
                processed.setLong(2, r.flipId());
                processed.addBatch();
            }
            processed.executeBatch();
        }
        return new Round(rows.size(), told);
    }

    /**
     * Looks at most {@code limit} held alerts due for a look, in the caller's transaction: deletes each that nothing
     * holds any more (with its notifications when the check is still down) and sets the next look of the others.
     * Returns how many were looked at.
     */
    static int release(Connection c, int limit) throws SQLException {
        record Held(Row row, long flipId, Timestamp flipCreated, String oldStatus, String reason, boolean down) {
        }
        List<Held> held = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(CLAIM_HELD)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long flipId = rs.getLong("flip_id");
                    held.add(new Held(new Row(Columns.uuid(rs, "check_id"), flipId, true,
                            Columns.uuid(rs, "project_id"), tags(rs.getString("tags")),
                            rs.getTimestamp("db_now").toInstant()), flipId, rs.getTimestamp("flip_created"),
                            rs.getString("old_status"), rs.getString("reason"), "down".equals(rs.getString("status"))));
                }
            }
        }
        if (held.isEmpty()) {
            return 0;
        }
        Facts facts = Facts.load(c, held.stream().map(Held::row).toList());
        try (PreparedStatement tell = c.prepareStatement(TELL_HELD);
             PreparedStatement delete = c.prepareStatement(DELETE_HELD);
             PreparedStatement still = c.prepareStatement(STILL_HELD)) {
            for (Held h : held) {
                // a check no longer down (up again, or paused) has nothing left to tell
                AlertHold.Decision d = h.down() ? AlertHold.decide(facts.of(h.row(), false)) : new AlertHold.Drop();
                if (d instanceof AlertHold.Hold hold) {
                    still.setArray(1, c.createArrayOf("uuid", hold.heldBy().toArray()));
                    still.setString(2, hold.why());
                    still.setTimestamp(3, Timestamp.from(recheck(hold, h.row().now())));
                    still.setObject(4, h.row().checkId());
                    still.setLong(5, h.flipId());
                    still.addBatch();
                    continue;
                }
                if (d instanceof AlertHold.Tell) {
                    tell.setLong(1, h.flipId());
                    tell.setTimestamp(2, h.flipCreated());
                    tell.setString(3, h.oldStatus());
                    tell.setString(4, h.reason());
                    tell.setObject(5, h.row().checkId());
                    tell.addBatch();
                }
                delete.setObject(1, h.row().checkId());
                delete.setLong(2, h.flipId());
                delete.addBatch();
            }
            tell.executeBatch();
            delete.executeBatch();
            still.executeBatch();
        }
        return held.size();
    }

    /** A window's hold is looked at when it closes (or sooner, should it be deleted); a dependency's every second. */
    private static Instant recheck(AlertHold.Hold h, Instant now) {
        Instant soon = now.plus(RECHECK);
        return h.until() != null && h.until().isBefore(soon) ? h.until() : soon;
    }

    private static List<String> tags(String tags) {
        return tags == null || tags.isBlank() ? List.of() : List.of(tags.strip().split("\\s+"));
    }

    /** The dependencies and windows of the checks in one round, read with two statements. */
    private record Facts(Map<UUID, List<AlertHold.Dependency>> dependencies,
            Map<UUID, List<MaintenanceWindow>> windows) {

        static Facts load(Connection c, List<Row> rows) throws SQLException {
            Set<UUID> checks = new HashSet<>();
            Set<UUID> projects = new HashSet<>();
            rows.forEach(r -> {
                checks.add(r.checkId());
                projects.add(r.projectId());
            });
            Map<UUID, List<AlertHold.Dependency>> deps = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(DEPENDENCIES)) {
                st.setArray(1, c.createArrayOf("uuid", checks.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        deps.computeIfAbsent(Columns.uuid(rs, "check_id"), k -> new ArrayList<>())
                                .add(new AlertHold.Dependency(Columns.uuid(rs, "id"), rs.getString("name"),
                                        rs.getBoolean("down")));
                    }
                }
            }
            Map<UUID, List<MaintenanceWindow>> windows = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(WINDOWS)) {
                st.setArray(1, c.createArrayOf("uuid", projects.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        MaintenanceWindow w;
                        String id = rs.getString("id");
                        try {
                            w = MaintenanceWindowRows.read(rs);
                        } catch (IllegalArgumentException e) {
                            // checked when saved; should a later release read it differently, the window is
                            // ignored (alerts go out) rather than stopping every round
                            LOG.warning(() -> "maintenance window " + id + " is unusable and ignored: "
                                    + e.getMessage());
                            continue;
                        }
                        windows.computeIfAbsent(Columns.uuid(rs, "project_id"), k -> new ArrayList<>()).add(w);
                    }
                }
            }
            return new Facts(deps, windows);
        }

        AlertHold.Facts of(Row r, boolean downHeld) {
            return new AlertHold.Facts(r.checkId(), r.tags(), r.goingDown(), downHeld,
                    dependencies.getOrDefault(r.checkId(), List.of()), windows.getOrDefault(r.projectId(), List.of()),
                    r.now());
        }
    }
}
