package dev.vigil.app.db;

/**
 * A CDI event fired once the database schema is migrated, before any request is served. Background workers that
 * query the database start on it rather than on the application scope's start, which comes before the migration.
 *
 * @param version the schema version now in place
 */
public record SchemaReady(String version) {
}
