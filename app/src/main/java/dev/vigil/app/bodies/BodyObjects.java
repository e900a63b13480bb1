package dev.vigil.app.bodies;

import java.util.Optional;
import java.util.UUID;

/** Where large ping bodies end up: an S3-compatible bucket in production ({@link S3BodyObjects}). */
public interface BodyObjects extends AutoCloseable {

    void put(String key, byte[] body);

    /** The object's bytes, or empty when there is no such object (yet). */
    Optional<byte[]> get(String key);

    /** Deletes every object of the check; returns how many. */
    int deleteCheck(UUID checkId);

    /** Deletes the check's objects with serials below {@code n}; returns how many. */
    int deleteOlderThan(UUID checkId, long n);

    @Override
    void close();
}
