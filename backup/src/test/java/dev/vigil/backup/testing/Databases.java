package dev.vigil.backup.testing;

import dev.vigil.backup.pg.PgBinaries;
import dev.vigil.backup.pg.PgServer;
import dev.vigil.backup.pg.Postgres;
import dev.vigil.testsupport.TestDatabase;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** The test PostgreSQL server as the backup code reaches it: through the client tools, like in production. */
public final class Databases {

    private Databases() {
    }

    /** Connection settings for the server that holds {@code db}. */
    public static PgServer serverOf(TestDatabase db) {
        URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        char[] password = db.password() == null || db.password().isEmpty() ? null : db.password().toCharArray();
        return new PgServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db.user(), password, "postgres");
    }

    public static Postgres postgres(TestDatabase db) {
        return new Postgres(serverOf(db), PgBinaries.onPath());
    }

    /**
     * A unique name for a database the code under test creates itself, built so that the fixture's
     * clean-up of stale test databases also removes it if a run is killed.
     */
    public static String uniqueName(String purpose) {
        return "vigil_test_" + Instant.now().getEpochSecond() + "_" + purpose + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    }

    public static void execute(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    public static String queryString(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
