package dev.vigil.app.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The SQL of the rate limits' windows (V18's {@code attempt_windows}). A count is one upsert, so two app servers
 * counting the same key at once both count. Plain JDBC rather than an entity: the upsert has no JPA form.
 */
final class AttemptStore {

    private final Connection c;

    AttemptStore(Connection c) {
        this.c = c;
    }

    /** The key's count in a window that started after {@code passed}, or 0. */
    int countSince(String scope, byte[] key, Instant passed) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count FROM attempt_windows "
                + "WHERE scope = ? AND key_hash = ? AND started > ?")) {
            st.setString(1, scope);
            st.setBytes(2, key);
            st.setObject(3, utc(passed));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * Counts one event at {@code now}: into the key's window, or into a new one from {@code now} when there is none
     * or it started at or before {@code passed}. Returns the window's count after it (1: a new window).
     */
    int add(String scope, byte[] key, Instant now, Instant passed) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO attempt_windows AS w (scope, key_hash, started, "
                + "count) VALUES (?, ?, ?, 1) ON CONFLICT (scope, key_hash) DO UPDATE SET "
                + "started = CASE WHEN w.started <= ? THEN excluded.started ELSE w.started END, "
                + "count = CASE WHEN w.started <= ? THEN 1 ELSE w.count + 1 END RETURNING count")) {
            st.setString(1, scope);
            st.setBytes(2, key);
            st.setObject(3, utc(now));
            st.setObject(4, utc(passed));
            st.setObject(5, utc(passed));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Deletes the scope's windows that started at or before {@code passed}. */
    void forget(String scope, Instant passed) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "DELETE FROM attempt_windows WHERE scope = ? AND started <= ?")) {
            st.setString(1, scope);
            st.setObject(2, utc(passed));
            st.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
