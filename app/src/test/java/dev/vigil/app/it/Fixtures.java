package dev.vigil.app.it;

import dev.vigil.testsupport.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Rows the ping tests need, written straight into the database (the management API comes later). */
final class Fixtures {

    record Project(UUID id, String pingKey) {
    }

    private final TestDatabase db;

    Fixtures(TestDatabase db) {
        this.db = db;
    }

    Project project() throws SQLException {
        UUID id = UUID.randomUUID();
        String key = "k" + id.toString().replace("-", "").substring(0, 21);
        try (Connection c = db.connect()) {
            long owner;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO users (email) VALUES (?) RETURNING id")) {
                st.setString(1, "owner-" + id + "@example.com");
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    owner = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO projects (id, name, owner_id, ping_key, "
                    + "badge_key) VALUES (?, 'Test project', ?, ?, ?)")) {
                st.setObject(1, id);
                st.setLong(2, owner);
                st.setString(3, key);
                st.setString(4, "b" + key);
                st.executeUpdate();
            }
        }
        return new Project(id, key);
    }

    UUID check(Project p, String slug) throws SQLException {
        return check(p, slug, "");
    }

    /** A check with a one-hour period and ten minutes of grace; {@code extraSql} sets more columns. */
    UUID check(Project p, String slug, String extraSql) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement("INSERT INTO checks (id, "
                + "project_id, name, slug, timeout_s, grace_s) VALUES (?, ?, ?, ?, 3600, 600)")) {
            st.setObject(1, id);
            st.setObject(2, p.id());
            st.setString(3, slug);
            st.setString(4, slug);
            st.executeUpdate();
        }
        if (!extraSql.isEmpty()) {
            sql("UPDATE checks SET " + extraSql + " WHERE id = '" + id + "'");
        }
        return id;
    }

    UUID channel(Project p) throws SQLException {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO channels (id, project_id, kind) VALUES ('" + id + "', '" + p.id() + "', 'email')");
        return id;
    }

    /** A channel of {@code kind} with the given JSON settings, attached to {@code checks}. */
    UUID channel(Project p, String kind, String settingsJson, UUID... checks) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO channels (id, project_id, kind, settings) VALUES (?, ?, ?, ?::jsonb)")) {
            st.setObject(1, id);
            st.setObject(2, p.id());
            st.setString(3, kind);
            st.setString(4, settingsJson);
            st.executeUpdate();
        }
        for (UUID check : checks) {
            sql("INSERT INTO check_channels (check_id, channel_id) VALUES ('" + check + "', '" + id + "')");
        }
        return id;
    }

    void sql(String statement) throws SQLException {
        try (Connection c = db.connect()) {
            c.createStatement().execute(statement);
        }
    }

    /** The first column of the first row of a query, as text (null when no row or SQL NULL). */
    String value(String query) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    long count(String query) throws SQLException {
        return Long.parseLong(value(query));
    }
}
