package dev.vigil.app.alerts;

import java.util.UUID;

/**
 * Reads a ping body kept in object storage (pings.object_key set, pings.body null). The default knows no object
 * store and says the body is not available yet; the object-storage reader replaces it.
 */
@FunctionalInterface
public interface PingBodies {

    String STILL_PROCESSING = "(the body is still being processed)";

    PingBodies NOT_YET_AVAILABLE = (checkId, n, objectKey) -> STILL_PROCESSING;

    /** The body as text, or a note in parentheses when it cannot be had now. Must not throw. */
    String body(UUID checkId, long n, String objectKey);
}
