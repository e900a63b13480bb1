package dev.vigil.backup.store;

import java.time.Instant;

/** One object in a bucket, as a listing shows it. */
public record StoredObject(String key, long size, Instant lastModified) {
}
