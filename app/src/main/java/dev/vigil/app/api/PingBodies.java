package dev.vigil.app.api;

import dev.vigil.app.bodies.PingBody;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** Where the API reads a ping's request body from: the {@code pings.body} column, or object storage. */
public interface PingBodies {

    /** The body of ping {@code n} of the check: none, its bytes, or "still being processed". */
    PingBody read(Connection c, UUID check, long n) throws SQLException;
}
