package dev.vigil.provisioning.inventory;

import java.nio.file.Path;

/** The inventory cannot be used; the message names the file, line and column, and what to change. */
public final class InventoryException extends RuntimeException {

    private final Path file;
    private final Location location;

    public InventoryException(Path file, Location location, String problem) {
        super(file + ":" + location + ": " + problem);
        this.file = file;
        this.location = location;
    }

    public Path file() {
        return file;
    }

    public Location location() {
        return location;
    }
}
