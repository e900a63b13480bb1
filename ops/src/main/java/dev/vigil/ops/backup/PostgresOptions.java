package dev.vigil.ops.backup;

import dev.vigil.backup.pg.PgBinaries;
import dev.vigil.backup.pg.PgServer;
import dev.vigil.backup.pg.Postgres;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How to reach PostgreSQL and where its tools are. Unset options are left to libpq (PGHOST, PGPORT, PGUSER,
 * the Unix socket, service files); the password only through PGPASSWORD or ~/.pgpass.
 */
public final class PostgresOptions {

    @Option(names = "--pg-host", paramLabel = "HOST",
            description = "PostgreSQL host or socket directory (default: libpq's, e.g. $PGHOST or the Unix socket).")
    String host;

    @Option(names = "--pg-port", paramLabel = "PORT", description = "PostgreSQL port (default: libpq's).")
    Integer port;

    @Option(names = "--pg-user", paramLabel = "USER",
            description = "PostgreSQL user (default: libpq's). The password comes from PGPASSWORD or ~/.pgpass.")
    String user;

    @Option(names = "--pg-bin", paramLabel = "DIR",
            description = "Directory of pg_dump, pg_restore and psql, e.g. /usr/lib/postgresql/15/bin "
                    + "(default: the PATH).")
    Path binDirectory;

    Postgres postgres(CommandSpec spec) {
        if (port != null && (port < 1 || port > 65535)) {
            throw StorageOptions.usage(spec, "--pg-port must be from 1 to 65535, not " + port);
        }
        PgBinaries binaries;
        if (binDirectory == null) {
            binaries = PgBinaries.onPath();
        } else {
            if (!Files.isDirectory(binDirectory)) {
                throw StorageOptions.usage(spec, "--pg-bin " + binDirectory + " is not a directory");
            }
            binaries = PgBinaries.in(binDirectory);
        }
        return new Postgres(new PgServer(host, port, user, null, "postgres"), binaries);
    }
}
