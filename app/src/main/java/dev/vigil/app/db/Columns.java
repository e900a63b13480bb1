package dev.vigil.app.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The one way the stores read a timestamptz or a uuid column. They use the JDBC 4.0 getters: Payara's pool wraps the
 * result set, and its {@code getObject(column, Class)} looks the driver's method up by reflection on every call,
 * which was half of the dashboard refresh's time for 1,000 checks (bench/web). PgJDBC's getTimestamp of a
 * timestamptz is the exact instant (to the microsecond), and its getObject of a uuid column is a UUID.
 */
public final class Columns {

    private Columns() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return (UUID) rs.getObject(column);
    }

    public static UUID uuid(ResultSet rs, int column) throws SQLException {
        return (UUID) rs.getObject(column);
    }
}
