package dev.vigil.backup.pg;

import dev.vigil.backup.BackupException;
import dev.vigil.client.TailBuffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL client tools, run as child processes: {@code pg_dump} and {@code pg_restore} stream through
 * pipes, and {@code psql} answers the few questions the workflows ask. Going through the tools rather than
 * JDBC keeps libpq's ways of connecting (Unix socket, peer authentication, {@code .pgpass}, service files).
 */
public final class Postgres {

    /** How much of a tool's stderr is kept for error messages. */
    public static final int STDERR_TAIL = 4096;

    private static final String FIELD = "\u001f";
    /** Ordinary tables and partitioned parents, not their partitions, outside the system schemas. */
    private static final String USER_TABLES = "c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_'";

    private final PgServer server;
    private final PgBinaries binaries;

    public Postgres(PgServer server, PgBinaries binaries) {
        this.server = server;
        this.binaries = binaries;
    }

    public PgServer server() {
        return server;
    }

    public PgBinaries binaries() {
        return binaries;
    }

    /** Starts {@code pg_dump --format=custom} of {@code database}; the archive comes out of its stdout. */
    public ToolProcess startDump(String database) {
        return start("pg_dump", List.of(binaries.pgDump(), "--format=custom", "--no-password",
                "--dbname=" + database));
    }

    /**
     * Starts {@code pg_restore} into {@code database}, reading the archive from its stdin, all in one
     * transaction: if the restore fails, or is killed before the archive's last byte arrives, nothing of it
     * is committed.
     */
    public ToolProcess startRestore(String database, boolean clean, boolean noOwner) {
        List<String> command = new ArrayList<>(List.of(binaries.pgRestore(), "--no-password", "--single-transaction",
                "--exit-on-error", "--dbname=" + database));
        if (clean) {
            command.add("--clean");
            command.add("--if-exists");
        }
        if (noOwner) {
            command.add("--no-owner");
            command.add("--no-privileges");
        }
        return start("pg_restore", command);
    }

    /** First line of {@code pg_dump --version}, e.g. "pg_dump (PostgreSQL) 15.20". */
    public String pgDumpVersion() {
        ToolProcess p = start("pg_dump", List.of(binaries.pgDump(), "--version"));
        p.closeStdin();
        String out = readAll(p.stdout()).trim();
        p.finish();
        int nl = out.indexOf('\n');
        return nl < 0 ? out : out.substring(0, nl);
    }

    public String serverVersion(String database) {
        return single(query(database, "SHOW server_version", Map.of()));
    }

    public boolean databaseExists(String database) {
        return !query(server.maintenanceDatabase(), "SELECT 1 FROM pg_database WHERE datname = :'db'",
                Map.of("db", database)).isEmpty();
    }

    /** Tables, views, sequences and functions outside the system schemas: zero for a fresh database. */
    public long userObjectCount(String database) {
        return Long.parseLong(single(query(database, """
                SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_')
                     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_')
                """, Map.of())));
    }

    public void createDatabase(String database) {
        query(server.maintenanceDatabase(), "SELECT format('CREATE DATABASE %I', :'db') \\gexec", Map.of("db", database));
    }

    /** Drops the database, ending its sessions first; a missing database is fine. */
    public void dropDatabase(String database) {
        query(server.maintenanceDatabase(), "SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \\gexec",
                Map.of("db", database));
    }

    /**
     * Counts the rows of every table, and finds the newest value of every timestamp or date column named in
     * {@code timestampColumns}: a bare name ({@code created}) matches that column in any table,
     * {@code table.column} only in that table.
     */
    public TableStats tableStats(String database, List<String> timestampColumns) {
        String script = "SELECT string_agg(format('SELECT %L, %L, count(*)::text FROM %I.%I', 'rows',"
                + " n.nspname || '.' || c.relname, n.nspname, c.relname), ' UNION ALL ')"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_TABLES + " \\gexec\n"
                + "SELECT string_agg(format('SELECT %L, %L, max(%I)::text FROM %I.%I', 'newest',"
                + " n.nspname || '.' || c.relname || '.' || a.attname, a.attname, n.nspname, c.relname), ' UNION ALL ')"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + USER_TABLES + " AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND a.atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype)"
                + " AND (a.attname = ANY (string_to_array(:'columns', ','))"
                + "      OR c.relname || '.' || a.attname = ANY (string_to_array(:'columns', ','))) \\gexec\n";
        Map<String, Long> counts = new TreeMap<>();
        Map<String, String> newest = new TreeMap<>();
        for (List<String> row : query(database, script, Map.of("columns", String.join(",", timestampColumns)))) {
            if (row.size() != 3) {
                continue;
            }
            if (row.get(0).equals("rows")) {
                counts.put(row.get(1), Long.parseLong(row.get(2)));
            } else {
                newest.put(row.get(1), row.get(2).isEmpty() ? null : row.get(2));
            }
        }
        return new TableStats(counts, newest);
    }

    /**
     * Runs a psql script against {@code database} with psql variables (use them as {@code :'name'}, which
     * psql quotes as a literal) and returns the rows printed, one per line, so values must not contain line
     * breaks (the workflows ask only for names, numbers and timestamps). Timestamps come out in UTC.
     */
    public List<List<String>> query(String database, String script, Map<String, String> variables) {
        List<String> command = new ArrayList<>(List.of(binaries.psql(), "--no-psqlrc", "--no-password", "--quiet",
                "--no-align", "--tuples-only", "--field-separator=" + FIELD,
                "--set=ON_ERROR_STOP=1", "--dbname=" + database, "--file=-"));
        new TreeMap<>(variables).forEach((k, v) -> command.add("--set=" + k + "=" + v));
        ToolProcess p = start("psql", command, Map.of("PGTZ", "UTC"));
        try (OutputStream in = p.stdin()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // psql exited early; its stderr says why
        }
        String out = readAll(p.stdout());
        p.finish();
        List<List<String>> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                rows.add(List.of(line.split(FIELD, -1)));
            }
        }
        return rows;
    }

    private static String single(List<List<String>> rows) {
        if (rows.isEmpty() || rows.get(0).isEmpty()) {
            throw new BackupException("psql returned no result");
        }
        return rows.get(0).get(0);
    }

    private ToolProcess start(String tool, List<String> command) {
        return start(tool, command, Map.of());
    }

    private ToolProcess start(String tool, List<String> command, Map<String, String> extraEnv) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = new LinkedHashMap<>(server.environment());
        env.putAll(extraEnv);
        pb.environment().putAll(env);
        try {
            return new ToolProcess(tool, pb.start(), STDERR_TAIL);
        } catch (IOException e) {
            throw new BackupException("cannot run " + tool + " (" + command.get(0) + "): " + e.getMessage()
                    + "; install the PostgreSQL client tools or give their path", e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackupException("cannot read psql's output: " + e.getMessage(), e);
        }
    }

    /** A running tool with its stderr drained into a bounded tail (so it can never block on a full pipe). */
    public static final class ToolProcess {
        private final String tool;
        private final Process process;
        private final TailBuffer stderr;
        private final Thread stderrReader;

        ToolProcess(String tool, Process process, int stderrTail) {
            this.tool = tool;
            this.process = process;
            this.stderr = new TailBuffer(stderrTail);
            this.stderrReader = stderr.drain(process.getErrorStream(), null, tool + "-stderr");
        }

        public InputStream stdout() {
            return process.getInputStream();
        }

        public OutputStream stdin() {
            return process.getOutputStream();
        }

        public void closeStdin() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // already gone
            }
        }

        public Process process() {
            return process;
        }

        /** Waits for the exit; a non-zero status becomes an error that quotes the end of stderr. */
        public void finish() {
            int status = waitFor();
            if (status != 0) {
                throw new BackupException(tool + " failed (" + describeExit(status) + ")" + stderrSuffix());
            }
        }

        public int waitFor() {
            try {
                int status = process.waitFor();
                stderrReader.join(TimeUnit.SECONDS.toMillis(10));
                return status;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new BackupException(tool + " interrupted");
            }
        }

        /** The end of what the tool wrote to stderr, trimmed. */
        public String stderrTail() {
            return stderr.text().strip();
        }

        public String stderrSuffix() {
            String tail = stderrTail();
            return tail.isEmpty() ? "" : ": " + tail;
        }

        /** Ends the tool: politely, then for sure. */
        public void kill() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        /** "exit status 1", or "exit status 137, killed by signal 9" (Java reports a signal as 128 + its number). */
        public static String describeExit(int status) {
            return "exit status " + status + (status > 128 && status < 160 ? ", killed by signal " + (status - 128) : "");
        }
    }
}
