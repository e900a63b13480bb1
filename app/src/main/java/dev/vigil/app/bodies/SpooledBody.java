package dev.vigil.app.bodies;

import java.nio.file.Path;

/**
 * A ping body written to the local spool before its ping is committed. It starts as an anonymous file and is
 * renamed to its object key once the ping has a serial; a retried transaction may rename it again.
 */
public final class SpooledBody {

    private volatile Path file;

    SpooledBody(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void movedTo(Path file) {
        this.file = file;
    }
}
