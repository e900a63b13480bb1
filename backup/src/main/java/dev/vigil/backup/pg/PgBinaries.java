package dev.vigil.backup.pg;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@code pg_dump}, {@code pg_restore} and {@code psql} are. pg_dump must be at least as new as the
 * server; on Debian several versions live side by side in {@code /usr/lib/postgresql/N/bin}.
 */
public record PgBinaries(String pgDump, String pgRestore, String psql) {

    public PgBinaries {
        Objects.requireNonNull(pgDump, "pgDump");
        Objects.requireNonNull(pgRestore, "pgRestore");
        Objects.requireNonNull(psql, "psql");
    }

    /** The tools found on the PATH. */
    public static PgBinaries onPath() {
        return new PgBinaries("pg_dump", "pg_restore", "psql");
    }

    /** The tools in one directory, such as {@code /usr/lib/postgresql/15/bin}. */
    public static PgBinaries in(Path binDirectory) {
        return new PgBinaries(binDirectory.resolve("pg_dump").toString(), binDirectory.resolve("pg_restore").toString(),
                binDirectory.resolve("psql").toString());
    }

    public PgBinaries withPgDump(String path) {
        return new PgBinaries(path, pgRestore, psql);
    }

    public PgBinaries withPgRestore(String path) {
        return new PgBinaries(pgDump, path, psql);
    }
}
