package dev.vigil.testsupport;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server every database test uses, found in this order:
 * <ol>
 *   <li>{@code VIGIL_TEST_DB_URL} (with {@code VIGIL_TEST_DB_USER}, {@code VIGIL_TEST_DB_PASSWORD}), an admin
 *       connection to any database of the server;</li>
 *   <li>a server on 127.0.0.1:5432 that accepts user {@code postgres} (or the OS user) without a password;</li>
 *   <li>a Testcontainers PostgreSQL when a Docker engine is available;</li>
 *   <li>otherwise a failure that says how to get one.</li>
 * </ol>
 * Each test run creates its own uniquely named databases and drops them afterwards, so runs never see each
 * other's data. Databases left by a killed run are dropped by a later run once they are a day old.
 */
public final class TestPostgres {

    private static final String PREFIX = "vigil_test_";
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");
    private static final Duration STALE = Duration.ofDays(1);
    private static volatile TestPostgres instance;

    private final String serverUrl;   // jdbc:postgresql://host:port, no database
    private final String adminDatabase;
    private final String query;       // "?..." or ""
    private final String user;
    private final String password;
    private final String origin;
    private final Set<TestDatabase> open = ConcurrentHashMap.newKeySet();

    private TestPostgres(String adminUrl, String user, String password, String origin) {
        Matcher m = JDBC_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + adminUrl
                    + " (expected jdbc:postgresql://host:port/database)");
        }
        this.serverUrl = m.group(1);
        String db = m.group(2) == null || m.group(2).length() <= 1 ? "postgres" : m.group(2).substring(1);
        this.adminDatabase = db;
        this.query = m.group(3) == null ? "" : m.group(3);
        this.user = user;
        this.password = password;
        this.origin = origin;
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll, "drop-test-databases"));
    }

    /** The shared server of this JVM, located on first use. */
    public static TestPostgres server() {
        TestPostgres s = instance;
        if (s == null) {
            synchronized (TestPostgres.class) {
                if (instance == null) {
                    instance = locate();
                    instance.dropStale();
                }
                s = instance;
            }
        }
        return s;
    }

    /** Where the server came from, for log lines. */
    public String origin() {
        return origin;
    }

    /** Host and port of the server (the first one, if the URL lists several), e.g. {@code 127.0.0.1:5432}. */
    public String address() {
        String hosts = serverUrl.substring("jdbc:postgresql://".length());
        String first = hosts.split(",")[0];
        return first.contains(":") ? first : first + ":5432";
    }

    /** Creates an empty database named after {@code purpose} plus a timestamp and random suffix. */
    public TestDatabase createDatabase(String purpose) {
        String clean = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (clean.length() > 20) {
            clean = clean.substring(0, 20);
        }
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + clean + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        adminExecute("CREATE DATABASE " + name);
        TestDatabase db = new TestDatabase(name, serverUrl + "/" + name + query, user, password, this);
        open.add(db);
        return db;
    }

    void drop(TestDatabase db) {
        if (open.remove(db)) {
            adminExecute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
        }
    }

    private void dropAll() {
        for (TestDatabase db : List.copyOf(open)) {
            try {
                drop(db);
            } catch (RuntimeException e) {
                System.err.println("could not drop test database " + db.name() + ": " + e.getMessage());
            }
        }
    }

    /** Drops databases of earlier runs that were killed before they could clean up. */
    private void dropStale() {
        List<String> stale = new ArrayList<>();
        try (Connection c = adminConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'vigil\\_test\\_%'")) {
            long cutoff = Instant.now().minus(STALE).getEpochSecond();
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_", 2);
                if (parts[0].matches("\\d{1,12}") && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases on " + serverUrl + ": " + e.getMessage(), e);
        }
        stale.forEach(name -> adminExecute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private void adminExecute(String sql) {
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(serverUrl + "/" + adminDatabase + query, user, password);
    }

    private static TestPostgres locate() {
        String url = System.getenv("VIGIL_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("VIGIL_TEST_DB_USER", "postgres");
            String password = envOr("VIGIL_TEST_DB_PASSWORD", "");
            TestPostgres s = new TestPostgres(url.trim(), user, password, "VIGIL_TEST_DB_URL");
            s.requireConnection();
            return s;
        }
        List<String> tried = new ArrayList<>();
        if (portOpen("127.0.0.1", 5432)) {
            for (String user : new String[] {"postgres", System.getProperty("user.name")}) {
                TestPostgres s = new TestPostgres("jdbc:postgresql://127.0.0.1:5432/postgres", user, "",
                        "local server on 127.0.0.1:5432 as " + user);
                try (Connection ignored = s.adminConnection()) {
                    return s;
                } catch (SQLException e) {
                    tried.add("127.0.0.1:5432 as " + user + ": " + e.getMessage());
                }
            }
        } else {
            tried.add("nothing listens on 127.0.0.1:5432");
        }
        if (DockerPostgres.dockerAvailable()) {
            DockerPostgres c = DockerPostgres.start();
            return new TestPostgres(c.jdbcUrl(), c.user(), c.password(), "Testcontainers " + c.image());
        }
        tried.add("no Docker engine for Testcontainers");
        throw new IllegalStateException("No PostgreSQL server for the tests. Tried: " + String.join("; ", tried)
                + ". Run the test command from the README (./bin/test), which installs and starts one, or set "
                + "VIGIL_TEST_DB_URL=jdbc:postgresql://HOST:PORT/postgres with VIGIL_TEST_DB_USER and "
                + "VIGIL_TEST_DB_PASSWORD for a user that may create databases.");
    }

    private void requireConnection() {
        try (Connection ignored = adminConnection()) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("VIGIL_TEST_DB_URL=" + serverUrl + "/" + adminDatabase
                    + " does not answer as " + user + ": " + e.getMessage(), e);
        }
    }

    private static boolean portOpen(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
