package dev.vigil.app.api;

import dev.vigil.app.checks.KeywordFilter;
import dev.vigil.app.checks.KeywordFilterRows;
import dev.vigil.app.db.Columns;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL behind the checks endpoints; every method runs on the caller's connection (and transaction). */
final class CheckStore {

    private static final String COLUMNS = "SELECT c.id, c.project_id, c.name, c.slug, c.tags, c.description, c.kind, "
            + "c.timeout_s, c.grace_s, c.schedule, c.tz, c.manual_resume, c.methods, c.status, c.last_start, "
            + "c.last_start_rid, c.last_ping, c.last_duration_ms, c.n_pings, c.badge_key, "
            + "ARRAY(SELECT cc.channel_id FROM check_channels cc WHERE cc.check_id = c.id ORDER BY 1) AS channel_ids, "
            + "c.alert_after_failures, c.start_deadline_s, " + KeywordFilterRows.COLUMNS + " FROM checks c ";
    private static final String INSERT = "INSERT INTO checks (id, project_id) VALUES (?, ?)";
    private static final String UPDATE = "UPDATE checks SET name = ?, slug = ?, tags = ?, description = ?, kind = ?, "
            + "timeout_s = ?, grace_s = ?, schedule = ?, tz = ?, manual_resume = ?, methods = ?, status = ?, "
            + "last_start = ?, last_start_rid = ?, last_ping = ?, alert_after = ?, alert_after_failures = ?, "
            + "start_deadline_s = ?, filter_subject = ?, filter_body = ?, filter_http_body = ?, "
            + "filter_default_fail = ?, start_kw = ?, success_kw = ?, failure_kw = ? WHERE id = ?";
    private static final String OWNER_ROOM = "SELECT p.check_limit - (SELECT count(*) FROM checks c "
            + "JOIN projects q ON q.id = c.project_id WHERE q.owner_id = p.owner_id) AS room FROM projects p "
            + "WHERE p.id = ? FOR UPDATE";

    private final Connection c;

    CheckStore(Connection c) {
        this.c = c;
    }

    List<CheckRow> list(UUID project) throws SQLException {
        return query(COLUMNS + "WHERE c.project_id = ? ORDER BY c.created, c.id", project);
    }

    Optional<CheckRow> find(UUID id) throws SQLException {
        return query(COLUMNS + "WHERE c.id = ?", id).stream().findFirst();
    }

    /** The check whose own badge key this is. */
    Optional<CheckRow> findByBadgeKey(UUID badgeKey) throws SQLException {
        return query(COLUMNS + "WHERE c.badge_key = ?", badgeKey).stream().findFirst();
    }

    /** Locks the check's row until the end of the transaction, so that no ping changes it meanwhile. */
    void lock(UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM checks WHERE id = ? FOR UPDATE")) {
            st.setObject(1, id);
            st.executeQuery().close();
        }
    }

    /** Locks the project (serialising creates within it) and says how many more checks its owner may create. */
    long lockProjectAndCountRoom(UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(OWNER_ROOM)) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong("room");
            }
        }
    }

    /** A new check with the table's defaults; the caller then saves its settings. */
    CheckRow insert(UUID project) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            st.setObject(1, id);
            st.setObject(2, project);
            st.executeUpdate();
        }
        return find(id).orElseThrow();
    }

    void save(CheckRow r, Instant alertAfter) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(UPDATE)) {
            st.setString(1, r.name());
            st.setString(2, r.slug());
            st.setString(3, r.tags());
            st.setString(4, r.desc());
            st.setString(5, r.kind());
            st.setInt(6, r.timeout());
            st.setInt(7, r.grace());
            st.setString(8, r.schedule());
            st.setString(9, r.tz());
            st.setBoolean(10, r.manualResume());
            st.setString(11, r.methods());
            st.setString(12, r.status());
            st.setTimestamp(13, ts(r.lastStart()));
            st.setObject(14, r.lastStartRid());
            st.setTimestamp(15, ts(r.lastPing()));
            st.setTimestamp(16, ts(alertAfter));
            st.setInt(17, r.alertAfterFailures());
            st.setObject(18, r.startDeadline());
            KeywordFilter k = r.keywords();
            st.setBoolean(19, k.filterSubject());
            st.setBoolean(20, k.filterBody());
            st.setBoolean(21, k.filterHttpBody());
            st.setBoolean(22, k.filterDefaultFail());
            st.setString(23, k.startKw());
            st.setString(24, k.successKw());
            st.setString(25, k.failureKw());
            st.setObject(26, r.id());
            st.executeUpdate();
        }
    }

    /**
     * Moves a check to another project; its channels, dependencies and windows are the caller's to redo. Its
     * notifications still waiting for delivery were for the old project's channels: they are given up (one being
     * delivered right now is left to finish), so nothing about the check reaches the old project from here on.
     */
    void moveTo(UUID check, UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE checks SET project_id = ? WHERE id = ?")) {
            st.setObject(1, project);
            st.setObject(2, check);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE notifications SET state = 'failed', done = now(), "
                + "error = 'the check moved to another project' WHERE check_id = ? AND state = 'pending' "
                + "AND lease_owner IS NULL")) {
            st.setObject(1, check);
            st.executeUpdate();
        }
    }

    void setChannels(UUID check, List<UUID> channels) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM check_channels WHERE check_id = ?")) {
            st.setObject(1, check);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO check_channels (check_id, channel_id) VALUES (?, ?)")) {
            for (UUID channel : channels) {
                st.setObject(1, check);
                st.setObject(2, channel);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    List<ChannelRow> channels(UUID project) throws SQLException {
        List<ChannelRow> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, name, kind FROM channels WHERE project_id = ? ORDER BY created, id")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ChannelRow(Columns.uuid(rs, "id"), rs.getString("name"),
                            rs.getString("kind")));
                }
            }
        }
        return rows;
    }

    /** A status change made through the API (pause, resume): recorded, but already processed, so nobody is alerted. */
    void recordSilentFlip(UUID check, String from, String to) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO flips (check_id, created, old_status, new_status, "
                + "processed) VALUES (?, now(), ?, ?, now())")) {
            st.setObject(1, check);
            st.setString(2, from);
            st.setString(3, to);
            st.executeUpdate();
        }
    }

    private List<CheckRow> query(String sql, UUID param) throws SQLException {
        List<CheckRow> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    private static CheckRow row(ResultSet rs) throws SQLException {
        Array array = rs.getArray("channel_ids");
        List<UUID> channels = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            channels.add((UUID) o);
        }
        long duration = rs.getLong("last_duration_ms");
        Long lastDuration = rs.wasNull() ? null : duration;
        int deadline = rs.getInt("start_deadline_s");
        Integer startDeadline = rs.wasNull() ? null : deadline;
        return new CheckRow(Columns.uuid(rs, "id"), Columns.uuid(rs, "project_id"),
                rs.getString("name"), rs.getString("slug"), rs.getString("tags"), rs.getString("description"),
                rs.getString("kind"), rs.getInt("timeout_s"), rs.getInt("grace_s"), rs.getString("schedule"),
                rs.getString("tz"), rs.getBoolean("manual_resume"), rs.getString("methods"), rs.getString("status"),
                Columns.instant(rs, "last_start"), Columns.uuid(rs, "last_start_rid"), Columns.instant(rs, "last_ping"),
                lastDuration, rs.getLong("n_pings"), Columns.uuid(rs, "badge_key"), List.copyOf(channels),
                rs.getInt("alert_after_failures"), startDeadline, KeywordFilterRows.read(rs));
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
