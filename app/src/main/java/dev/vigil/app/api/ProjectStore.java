package dev.vigil.app.api;

import dev.vigil.app.db.Columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL about projects, their owners and their keys, for the API's public views and the admin bootstrap; runs on
 * the caller's connection (and transaction).
 */
public final class ProjectStore {

    /** A project as the bootstrap finds it again. */
    public record Existing(UUID id, String pingKey) {
    }

    private final Connection c;

    public ProjectStore(Connection c) {
        this.c = c;
    }

    /** The project whose badge key this is. */
    Optional<UUID> byBadgeKey(String badgeKey) throws SQLException {
        return id("SELECT id FROM projects WHERE badge_key = ?", badgeKey);
    }

    /** Whether {@code key} is a read-only API key of the project. */
    boolean hasReadOnlyKey(UUID project, String key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT 1 FROM api_keys WHERE key_hash = ? AND project_id = ? AND read_only")) {
            st.setBytes(1, ApiKeys.hash(key));
            st.setObject(2, project);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The project's ping key, for its checks' slug URLs; empty when it has none. */
    public Optional<String> pingKey(UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT ping_key FROM projects WHERE id = ?")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString("ping_key")) : Optional.empty();
            }
        }
    }

    /** The project's name; empty when there is no such project. */
    Optional<String> name(UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT name FROM projects WHERE id = ?")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString("name")) : Optional.empty();
            }
        }
    }

    List<ProjectKeys.Key> keys(UUID project) throws SQLException {
        List<ProjectKeys.Key> keys = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT id, label, read_only, created FROM api_keys "
                + "WHERE project_id = ? ORDER BY created, id")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    keys.add(key(rs));
                }
            }
        }
        return keys;
    }

    ProjectKeys.Key addKey(UUID project, String key, boolean readOnly, String label) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO api_keys (project_id, key_hash, read_only, label) "
                + "VALUES (?, ?, ?, ?) RETURNING id, label, read_only, created")) {
            st.setObject(1, project);
            st.setBytes(2, ApiKeys.hash(key));
            st.setBoolean(3, readOnly);
            st.setString(4, label);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return key(rs);
            }
        }
    }

    boolean revokeKey(UUID project, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM api_keys WHERE project_id = ? AND id = ?")) {
            st.setObject(1, project);
            st.setLong(2, id);
            return st.executeUpdate() > 0;
        }
    }

    private static ProjectKeys.Key key(ResultSet rs) throws SQLException {
        return new ProjectKeys.Key(rs.getLong("id"), rs.getString("label"), rs.getBoolean("read_only"),
                Columns.instant(rs, "created"));
    }

    String badgeKey(UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT badge_key FROM projects WHERE id = ?")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString("badge_key");
            }
        }
    }

    /**
     * The user with this email (lower-cased), created if new. The upsert holds the user's row until commit, so a
     * second bootstrap for the same email waits until the first has made its project.
     */
    public long lockUser(String email) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO users (email) VALUES (?) ON CONFLICT (email) "
                + "DO UPDATE SET email = EXCLUDED.email RETURNING id")) {
            st.setString(1, email.toLowerCase(Locale.ROOT));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong("id");
            }
        }
    }

    /** The owner's oldest project of that name. */
    public Optional<Existing> owned(long owner, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, ping_key FROM projects WHERE owner_id = ? "
                + "AND name = ? ORDER BY created, id LIMIT 1")) {
            st.setLong(1, owner);
            st.setString(2, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Existing(Columns.uuid(rs, "id"), rs.getString("ping_key")))
                        : Optional.empty();
            }
        }
    }

    public void insert(UUID id, String name, long owner, String pingKey, String badgeKey) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO projects (id, name, owner_id, ping_key, "
                + "badge_key) VALUES (?, ?, ?, ?, ?)")) {
            st.setObject(1, id);
            st.setString(2, name);
            st.setLong(3, owner);
            st.setString(4, pingKey);
            st.setString(5, badgeKey);
            st.executeUpdate();
        }
    }

    /** Stores the hashes of a read-write and a read-only key, labelled as the bootstrap's. */
    public void addBootstrapKeys(UUID project, String readWrite, String readOnly) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO api_keys (project_id, key_hash, read_only, "
                + "label) VALUES (?, ?, ?, 'bootstrap')")) {
            for (String key : new String[] {readWrite, readOnly}) {
                st.setObject(1, project);
                st.setBytes(2, ApiKeys.hash(key));
                st.setBoolean(3, key == readOnly);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private Optional<UUID> id(String sql, Object param) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Columns.uuid(rs, "id")) : Optional.empty();
            }
        }
    }
}
