package dev.vigil.app.db;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The application's connection pool, configured from MicroProfile Config ({@code VIGIL_DB_URL},
 * {@code VIGIL_DB_USER}, {@code VIGIL_DB_PASSWORD}). A URL may list several hosts with
 * {@code targetServerType=primary}, so that after a failover the pool reconnects to the new primary.
 */
@DataSourceDefinition(
        name = VigilDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=vigil.db.url}",
        user = "${MPCONFIG=vigil.db.user}",
        password = "${MPCONFIG=vigil.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        loginTimeout = 5,
        properties = {
            "connectTimeout=5",
            "ApplicationName=vigil",
            // a connection that died with its server (failover, restart) is replaced, not handed out
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=5",
            "fish.payara.fail-all-connections=true"
        })
public final class VigilDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/vigil";

    private VigilDataSource() {
    }
}
