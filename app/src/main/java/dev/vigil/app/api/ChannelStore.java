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
import java.util.Optional;
import java.util.UUID;

/** The SQL behind the channel endpoints; runs on the caller's connection (and transaction). */
final class ChannelStore {

    /** A channel as stored; {@code settings} is its JSON text, {@code disabledReason} "" unless disabled. */
    record StoredChannel(UUID id, String name, String kind, String settings, boolean disabled,
            String disabledReason) {
    }

    private static final String SELECT = "SELECT id, name, kind, settings::text AS settings, disabled, "
            + "disabled_reason FROM channels WHERE id = ? AND project_id = ?";
    private static final String INSERT = "INSERT INTO channels (id, project_id, kind, name, settings) "
            + "VALUES (?, ?, ?, ?, ?::jsonb)";
    private static final String UPDATE = "UPDATE channels SET name = ?, settings = ?::jsonb, disabled = ?, "
            + "disabled_reason = CASE WHEN ? THEN disabled_reason ELSE '' END WHERE id = ?";

    private static final String SUMMARIES = "SELECT ch.id, ch.name, ch.kind, ch.settings::text AS settings, ch.disabled,"
            + " ch.disabled_reason, ch.last_test, ch.last_test_outcome, ch.last_test_error, la.created AS attempted,"
            + " la.outcome, la.error FROM channels ch LEFT JOIN LATERAL (SELECT a.created, a.outcome, a.error"
            + " FROM notification_attempts a WHERE a.channel_id = ch.id ORDER BY a.created DESC LIMIT 1) la ON true"
            + " WHERE ch.project_id = ? ORDER BY ch.created, ch.id";
    private static final String TESTED = "UPDATE channels SET last_test = now(), last_test_outcome = ?,"
            + " last_test_error = ? WHERE id = ?";

    private final Connection c;

    ChannelStore(Connection c) {
        this.c = c;
    }

    Optional<StoredChannel> find(UUID id, UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT)) {
            st.setObject(1, id);
            st.setObject(2, project);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredChannel(Columns.uuid(rs, "id"), rs.getString("name"),
                        rs.getString("kind"), rs.getString("settings"), rs.getBoolean("disabled"),
                        rs.getString("disabled_reason")));
            }
        }
    }

    void insert(UUID id, UUID project, String kind, String name, String settingsJson) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            st.setObject(1, id);
            st.setObject(2, project);
            st.setString(3, kind);
            st.setString(4, name);
            st.setString(5, settingsJson);
            st.executeUpdate();
        }
    }

    /** Saves the channel; enabling it again clears the reason it was disabled for. */
    void update(UUID id, String name, String settingsJson, boolean disabled) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(UPDATE)) {
            st.setString(1, name);
            st.setString(2, settingsJson);
            st.setBoolean(3, disabled);
            st.setBoolean(4, disabled);
            st.setObject(5, id);
            st.executeUpdate();
        }
    }

    /** Deletes the channel; its links to checks go with it (foreign key cascade). */
    void delete(UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM channels WHERE id = ?")) {
            st.setObject(1, id);
            st.executeUpdate();
        }
    }

    /** The project's channels, oldest first, each with its last alert delivery attempt and its last test. */
    List<ChannelSummary> summaries(UUID project) throws SQLException {
        List<ChannelSummary> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(SUMMARIES)) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChannelSummary(Columns.uuid(rs, "id"), rs.getString("name"),
                            rs.getString("kind"), settingsOf(rs.getString("settings")),
                            rs.getBoolean("disabled"), rs.getString("disabled_reason"), instant(rs, "attempted"),
                            rs.getString("outcome"), rs.getString("error"), instant(rs, "last_test"),
                            rs.getString("last_test_outcome"), rs.getString("last_test_error")));
                }
            }
        }
        return out;
    }

    /** Keeps how the channel's last test notification ended ("sent" or "failed", and the error). */
    void recordTest(UUID id, String outcome, String error) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(TESTED)) {
            st.setString(1, outcome);
            st.setString(2, error.length() > 1000 ? error.substring(0, 1000) : error);
            st.setObject(3, id);
            st.executeUpdate();
        }
    }

    static jakarta.json.JsonObject settingsOf(String json) {
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return r.readObject();
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
