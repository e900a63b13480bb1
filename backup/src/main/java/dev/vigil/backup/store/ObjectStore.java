package dev.vigil.backup.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The bucket backups live in. Keys are full object keys; failures surface as
 * {@link dev.vigil.backup.BackupException} with a message that names the bucket and the endpoint.
 */
public interface ObjectStore extends AutoCloseable {

    /** Where this store is, for messages: {@code s3://bucket at http://endpoint}. No credentials. */
    String describe();

    /** Fails clearly if the bucket is missing or cannot be reached, before any work starts. */
    void checkBucket();

    /** Starts a streamed upload to {@code key}. */
    ObjectUpload startUpload(String key);

    /** Writes a small object in one request. */
    void put(String key, byte[] content, String contentType);

    /** Opens the object for streaming reads. */
    InputStream open(String key) throws IOException;

    /** Reads a small object whole, or empty if it does not exist. */
    Optional<byte[]> read(String key);

    /** All objects whose key starts with {@code prefix}, in key order. */
    List<StoredObject> list(String prefix);

    /** Deletes the object; deleting a missing object is not an error. */
    void delete(String key);

    /** Multipart uploads started and neither completed nor aborted under {@code prefix}, in key order. */
    List<IncompleteUpload> incompleteUploads(String prefix);

    /** Aborts an incomplete upload, discarding its parts; one that is already gone is not an error. */
    void abort(IncompleteUpload upload);

    @Override
    void close();
}
