package dev.vigil.app.api;

import dev.vigil.app.db.Columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL behind a check's history (its pings and flips); runs on the caller's connection (and transaction). */
final class HistoryStore {

    /** A ping as the list shows it; {@code durationMs} null when the run was not timed. */
    record PingRow(long n, Instant created, String kind, String scheme, String remoteAddr, String method,
            String userAgent, UUID rid, Long durationMs, boolean hasBody) {
    }

    record FlipRow(Instant created, String newStatus) {
    }

    private static final String PINGS = "SELECT n, created, kind, scheme, remote_addr, method, user_agent, rid, "
            + "duration_ms, (object_key IS NOT NULL OR length(body) > 0) AS has_body FROM pings "
            + "WHERE check_id = ? AND n > ? ORDER BY n DESC LIMIT ?";
    private static final String FLIPS = "SELECT created, new_status FROM flips WHERE check_id = ? "
            + "AND created >= coalesce(?, '-infinity'::timestamptz) AND created < coalesce(?, 'infinity'::timestamptz) "
            + "ORDER BY created DESC, id DESC LIMIT ?";

    private final Connection c;

    HistoryStore(Connection c) {
        this.c = c;
    }

    /** The newest pings above serial {@code after}, newest first. */
    List<PingRow> pings(UUID check, long after, int limit) throws SQLException {
        List<PingRow> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(PINGS)) {
            st.setObject(1, check);
            st.setLong(2, after);
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long duration = rs.getLong("duration_ms");
                    Long durationMs = rs.wasNull() ? null : duration;
                    rows.add(new PingRow(rs.getLong("n"), Columns.instant(rs, "created"), rs.getString("kind"),
                            rs.getString("scheme"), rs.getString("remote_addr"), rs.getString("method"),
                            rs.getString("user_agent"), Columns.uuid(rs, "rid"), durationMs,
                            rs.getBoolean("has_body")));
                }
            }
        }
        return rows;
    }

    /** Flips in [from, until) (either end null: open), newest first. */
    List<FlipRow> flips(UUID check, Instant from, Instant until, int limit) throws SQLException {
        List<FlipRow> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(FLIPS)) {
            st.setObject(1, check);
            st.setTimestamp(2, from == null ? null : Timestamp.from(from));
            st.setTimestamp(3, until == null ? null : Timestamp.from(until));
            st.setInt(4, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new FlipRow(Columns.instant(rs, "created"), rs.getString("new_status")));
                }
            }
        }
        return rows;
    }
    private static final String FLIP_DETAILS = "SELECT created, old_status, new_status, reason FROM flips "
            + "WHERE check_id = ? AND created >= ? ORDER BY created DESC, id DESC LIMIT ?";
    private static final String STATUS_BEFORE = "SELECT new_status FROM flips WHERE check_id = ? AND created < ? "
            + "ORDER BY created DESC, id DESC LIMIT 1";
    private static final String NOTIFICATIONS = "SELECT n.created, ch.kind, ch.name, n.new_status, n.state, "
            + "n.attempts, n.error FROM notifications n LEFT JOIN channels ch ON ch.id = n.channel_id "
            + "WHERE n.check_id = ? ORDER BY n.created DESC, n.id DESC LIMIT ?";

    /** Flips at or after {@code from}, newest first, with their old status and reason. */
    List<FlipEvent> flipDetails(UUID check, Instant from, int limit) throws SQLException {
        List<FlipEvent> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(FLIP_DETAILS)) {
            st.setObject(1, check);
            st.setTimestamp(2, Timestamp.from(from));
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new FlipEvent(Columns.instant(rs, "created"), rs.getString("old_status"),
                            rs.getString("new_status"), rs.getString("reason")));
                }
            }
        }
        return rows;
    }

    /** The status the check's last flip before {@code t} left it in, or null when it had none. */
    String statusBefore(UUID check, Instant t) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(STATUS_BEFORE)) {
            st.setObject(1, check);
            st.setTimestamp(2, Timestamp.from(t));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString("new_status") : null;
            }
        }
    }

    /** The newest notifications of a check, newest first; a deleted channel's kind and name are null. */
    List<NotificationEvent> notifications(UUID check, int limit) throws SQLException {
        List<NotificationEvent> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(NOTIFICATIONS)) {
            st.setObject(1, check);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new NotificationEvent(Columns.instant(rs, "created"), rs.getString("kind"),
                            rs.getString("name"), rs.getString("new_status"), rs.getString("state"),
                            rs.getInt("attempts"), rs.getString("error")));
                }
            }
        }
        return rows;
    }
}
