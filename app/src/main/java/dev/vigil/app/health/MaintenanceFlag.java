package dev.vigil.app.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maintenance mode: on while the configured file exists. Load balancers then drain this server (the health URL
 * answers 404) and background work pauses. A file, not an API call, so that a deploy needs only a shell on the host.
 */
@ApplicationScoped
public class MaintenanceFlag {

    private final Path file;

    @Inject
    public MaintenanceFlag(@ConfigProperty(name = "vigil.maintenance.file") String file) {
        this.file = Path.of(file);
    }

    /** For CDI's proxy. */
    protected MaintenanceFlag() {
        this.file = null;
    }

    public boolean active() {
        return Files.exists(file);
    }

    public Path file() {
        return file;
    }
}
