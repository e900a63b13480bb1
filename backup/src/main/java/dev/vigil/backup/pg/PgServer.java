package dev.vigil.backup.pg;

import java.util.HashMap;
import java.util.Map;

/**
 * How the PostgreSQL tools reach the server, in libpq's terms. A null field is left to libpq's defaults and
 * environment ({@code PGHOST}, {@code ~/.pgpass}, the Unix socket with peer authentication), which is how a
 * job run as {@code postgres} on the database server usually connects. The password travels to the tools in
 * their environment ({@code PGPASSWORD}), never on a command line, and never appears in {@link #toString()}.
 */
public record PgServer(String host, Integer port, String user, char[] password, String maintenanceDatabase) {

    /** Everything from libpq's defaults and environment; {@code postgres} as the maintenance database. */
    public static PgServer fromEnvironment() {
        return new PgServer(null, null, null, null, "postgres");
    }

    public PgServer {
        if (maintenanceDatabase == null || maintenanceDatabase.isBlank()) {
            maintenanceDatabase = "postgres";
        }
    }

    /** Variables for the tools' environment. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        if (host != null && !host.isBlank()) {
            env.put("PGHOST", host);
        }
        if (port != null) {
            env.put("PGPORT", port.toString());
        }
        if (user != null && !user.isBlank()) {
            env.put("PGUSER", user);
        }
        if (password != null && password.length > 0) {
            env.put("PGPASSWORD", new String(password));
        }
        env.put("PGAPPNAME", "vigil-backup");
        env.putIfAbsent("PGCONNECT_TIMEOUT", "15");
        return env;
    }

    @Override
    public String toString() {
        return "PgServer[host=" + (host == null ? "(default)" : host) + ", port=" + (port == null ? "(default)" : port)
                + ", user=" + (user == null ? "(default)" : user) + ", password=" + (password == null ? "none" : "***")
                + ", maintenanceDatabase=" + maintenanceDatabase + "]";
    }
}
