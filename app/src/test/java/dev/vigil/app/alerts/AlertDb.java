package dev.vigil.app.alerts;

import dev.vigil.app.db.SchemaMigrator;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A migrated test database for the in-JVM sender tests, with helpers to write the rows they need. */
final class AlertDb implements AutoCloseable {

    final TestDatabase db;
    final DataSource dataSource;

    AlertDb(String purpose) {
        db = TestPostgres.server().createDatabase(purpose);
        dataSource = dataSource(db.jdbcUrl());
        new SchemaMigrator(dataSource).migrate();
    }

    DataSource dataSource(String jdbcUrl) {
        return db.dataSource(jdbcUrl);
    }

    UUID project() throws SQLException {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO users (email) VALUES ('u-" + id + "@example.com')");
        sql("INSERT INTO projects (id, name, owner_id, badge_key) SELECT '" + id + "', 'Backups', max(id), '" + id
                + "' FROM users");
        return id;
    }

    UUID channel(UUID project, String kind, String settingsJson) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO channels (id, project_id, kind, settings) VALUES (?, ?, ?, ?::jsonb)")) {
            st.setObject(1, id);
            st.setObject(2, project);
            st.setString(3, kind);
            st.setString(4, settingsJson);
            st.executeUpdate();
        }
        return id;
    }

    /**
     * {@code count} up checks named check-1.. whose stored alert time is {@code alertAfterSql}, linked to the channel.
     * Their real alert time has passed (an hour's period, last pinged two hours ago), so the stored one decides.
     */
    void dueChecks(UUID project, UUID channel, int count, String alertAfterSql) throws SQLException {
        sql("INSERT INTO checks (id, project_id, name, slug, status, timeout_s, grace_s, last_ping, alert_after) "
                + "SELECT gen_random_uuid(), '" + project + "', 'check-' || g, 'check-' || g, 'up', 3600, 60, "
                + "now() - interval '2 hours', " + alertAfterSql + " FROM generate_series(1, " + count + ") g");
        sql("INSERT INTO check_channels (check_id, channel_id) SELECT id, '" + channel + "' FROM checks "
                + "WHERE project_id = '" + project + "'");
    }

    void sql(String statement) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    long count(String query) throws SQLException {
        return Long.parseLong(value(query));
    }

    String value(String query) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
