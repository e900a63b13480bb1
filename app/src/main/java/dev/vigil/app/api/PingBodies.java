package dev.vigil.app.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the API reads a ping's request body from: today the {@code pings.body} column; object storage plugs in here.
 */
public interface PingBodies {

    /** The body of ping {@code n} of the check, or empty when the ping has none. */
    Optional<byte[]> read(Connection c, UUID check, long n) throws SQLException;
}
