package dev.vigil.ops.backup;

import picocli.CommandLine.Command;

/** {@code ops backup}: encrypted PostgreSQL backups in S3-compatible storage (see docs/backups.md). */
@Command(name = "backup",
        description = "Back up PostgreSQL, encrypted with OpenPGP, into S3-compatible storage; list, restore, "
                + "verify and prune the backups.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {BackupRunCommand.class, BackupListCommand.class, BackupRestoreCommand.class,
                BackupVerifyCommand.class, BackupPruneCommand.class},
        footer = {"", "Environment:",
                "  " + StorageOptions.ENDPOINT + "    S3 endpoint URL (--s3-endpoint); unset for AWS S3",
                "  " + StorageOptions.REGION + "      region (--s3-region), default us-east-1",
                "  " + StorageOptions.BUCKET + "      bucket (--bucket)",
                "  " + StorageOptions.PATH_STYLE + "  true for path-style access (--path-style)",
                "  " + StorageOptions.ACCESS_KEY + "  access key (environment only)",
                "  " + StorageOptions.SECRET_KEY + "  secret key (environment only)",
                "  PGHOST, PGPORT, PGUSER, PGPASSWORD, ~/.pgpass: as for psql",
                "",
                "Exit status: 0 done, 1 the work failed (one 'error: ...' line on stderr), 2 bad usage.",
                "Details: docs/backups.md"})
public final class BackupCommand {
}
