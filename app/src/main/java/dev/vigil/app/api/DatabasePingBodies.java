package dev.vigil.app.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Ping bodies kept in the database row. */
@ApplicationScoped
public class DatabasePingBodies implements PingBodies {

    @Override
    public Optional<byte[]> read(Connection c, UUID check, long n) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT body FROM pings WHERE check_id = ? AND n = ?")) {
            st.setObject(1, check);
            st.setLong(2, n);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        }
    }
}
