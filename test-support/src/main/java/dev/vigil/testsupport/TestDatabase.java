package dev.vigil.testsupport;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
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

    /** A data source of this database's (unpooled: each connection is new), for the code under test. */
    public DataSource dataSource() {
        return dataSource(jdbcUrl);
    }

    /** A data source of this database at another JDBC URL (through a {@link TcpProxy}, say). */
    public DataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
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
