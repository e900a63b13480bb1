package dev.vigil.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** The Testcontainers fallback, kept apart so that its classes load only when it is used. */
final class DockerPostgres {

    private static final String IMAGE = "postgres:15-alpine";
    private final PostgreSQLContainer<?> container;

    private DockerPostgres(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    static DockerPostgres start() {
        PostgreSQLContainer<?> c = new PostgreSQLContainer<>(IMAGE);
        c.start();
        return new DockerPostgres(c);
    }

    String jdbcUrl() {
        return container.getJdbcUrl();
    }

    String user() {
        return container.getUsername();
    }

    String password() {
        return container.getPassword();
    }

    String image() {
        return IMAGE;
    }
}
