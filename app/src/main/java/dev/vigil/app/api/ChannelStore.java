package dev.vigil.app.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
                return Optional.of(new StoredChannel(rs.getObject("id", UUID.class), rs.getString("name"),
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
}
