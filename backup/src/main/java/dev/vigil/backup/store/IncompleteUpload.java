package dev.vigil.backup.store;

/**
 * A multipart upload that was started and neither completed nor aborted: the storage keeps its parts (and bills
 * for them) until it is aborted.
 */
public record IncompleteUpload(String key, String uploadId) {
}
