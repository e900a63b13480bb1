package dev.vigil.app.api;

import dev.vigil.app.bodies.BodyStorage;
import dev.vigil.app.bodies.PingBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Ping bodies from the database row, or from object storage when the row names an object key. */
@ApplicationScoped
public class StoredPingBodies implements PingBodies {

    @Inject
    BodyStorage storage;

    @Override
    public PingBody read(Connection c, UUID check, long n) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT body, object_key FROM pings "
                + "WHERE check_id = ? AND n = ?")) {
            st.setObject(1, check);
            st.setLong(2, n);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return PingBody.NONE;
                }
                byte[] body = rs.getBytes("body");
                String objectKey = rs.getString("object_key");
                if (objectKey != null) {
                    return storage.read(objectKey);
                }
                return body == null || body.length == 0 ? PingBody.NONE : new PingBody.Present(body);
            }
        }
    }
}
