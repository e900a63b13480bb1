package dev.vigil.app.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import javax.sql.DataSource;

/** Brings the database schema up to date with the migrations shipped in the application. */
public final class SchemaMigrator {

    /** The schema version after migrating and how many migrations this run applied. */
    public record Outcome(String schemaVersion, int applied) {
    }

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies pending migrations; throws when one fails, leaving the database at the last good version. */
    public Outcome migrate() {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        MigrationInfo current = flyway.info().current();
        return new Outcome(current == null ? "none" : current.getVersion().getVersion(), applied);
    }
}
