package dev.vigil.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One database created for one test run; {@link #close()} (or the end of the JVM) drops it.
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password, TestPostgres server)
        implements AutoCloseable {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** The JDBC URL of this database reached through another address, e.g. a {@link TcpProxy}. */
    public String jdbcUrlVia(String host, int port) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]*/", "jdbc:postgresql://" + host + ":" + port + "/");
    }

    @Override
    public void close() {
        server.drop(this);
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + " as " + user + "]"; // no password
    }
}
