package dev.vigil.backup.store;

import dev.vigil.backup.BackupException;
import dev.vigil.backup.RetryPolicy;
import dev.vigil.s3.S3Clients;
import dev.vigil.s3.S3Config;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ObjectStore} on S3 or an S3-compatible server, through the AWS SDK's synchronous client. Every
 * request is retried with backoff by the SDK (network errors, 5xx, throttling) as {@link RetryPolicy} says;
 * what still fails becomes a {@link BackupException} naming the bucket and endpoint.
 */
public final class S3ObjectStore implements ObjectStore {

    /** Part size when none is given: 10,000 parts of it make 160 GiB, far above Vigil's database sizes. */
    public static final int DEFAULT_PART_SIZE = 16 * 1024 * 1024;
    /** S3's lower limit for all parts but the last. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    public static final int DEFAULT_PARTS_IN_FLIGHT = 2;

    private final S3Config config;
    private final S3Client s3;
    private final int partSize;
    private final int partsInFlight;
    private final RetryPolicy retry;

    private S3ObjectStore(S3Config config, S3Client s3, int partSize, int partsInFlight, RetryPolicy retry) {
        this.config = config;
        this.retry = retry;
        this.s3 = s3;
        this.partSize = partSize;
        this.partsInFlight = partsInFlight;
    }

    public static S3ObjectStore open(S3Config config, RetryPolicy retry) {
        return open(config, retry, DEFAULT_PART_SIZE, DEFAULT_PARTS_IN_FLIGHT);
    }

    /**
     * A store whose uploads buffer parts of {@code partSize} bytes, at most {@code partsInFlight} being sent
     * while the next fills: memory for uploads is {@code (partsInFlight + 1) * partSize}.
     */
    public static S3ObjectStore open(S3Config config, RetryPolicy retry, int partSize, int partsInFlight) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("part size must be at least 5 MiB (S3's minimum), not " + partSize);
        }
        if (partsInFlight < 1) {
            throw new IllegalArgumentException("partsInFlight must be at least 1");
        }
        var builder = S3Clients.builder(config, partsInFlight + 2, Duration.ofSeconds(10), Duration.ofSeconds(60))
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy(retry)));
        return new S3ObjectStore(config, builder.build(), partSize, partsInFlight, retry);
    }

    private static RetryStrategy retryStrategy(RetryPolicy retry) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(retry.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelayHalfJitter(
                        nonZero(retry.initialDelay()), nonZero(retry.maxDelay())))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelayHalfJitter(
                        nonZero(retry.initialDelay()), nonZero(retry.maxDelay())))
                .circuitBreakerEnabled(false) // a long upload must not run out of retry tokens
                .build();
    }

    private static Duration nonZero(Duration d) {
        return d.isZero() ? Duration.ofMillis(1) : d;
    }

    public S3Config config() {
        return config;
    }

    @Override
    public String describe() {
        return "s3://" + config.bucket() + " at " + config.endpointName();
    }

    @Override
    public void checkBucket() {
        call("check bucket", () -> s3.headBucket(b -> b.bucket(config.bucket())));
    }

    @Override
    public ObjectUpload startUpload(String key) {
        String uploadId = call("start upload of " + key, () -> s3.createMultipartUpload(
                b -> b.bucket(config.bucket()).key(key).contentType("application/pgp-encrypted")).uploadId());
        return new S3MultipartUpload(this, key, uploadId, partSize, partsInFlight);
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        call("write " + key, () -> s3.putObject(b -> b.bucket(config.bucket()).key(key)
                .contentType(contentType).contentMD5(md5(content, content.length)), RequestBody.fromBytes(content)));
    }

    @Override
    public InputStream open(String key) throws IOException {
        return call("read " + key, () -> s3.getObject(b -> b.bucket(config.bucket()).key(key)));
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read " + key, e);
        }
    }

    @Override
    public List<StoredObject> list(String prefix) {
        return call("list " + (prefix.isEmpty() ? "the bucket" : prefix), () -> {
            List<StoredObject> objects = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(prefix)).contents()) {
                objects.add(new StoredObject(o.key(), o.size(), o.lastModified()));
            }
            return objects;
        });
    }

    @Override
    public void delete(String key) {
        call("delete " + key, () -> s3.deleteObject(b -> b.bucket(config.bucket()).key(key)));
    }

    @Override
    public List<IncompleteUpload> incompleteUploads(String prefix) {
        return call("list incomplete uploads", () -> {
            List<IncompleteUpload> uploads = new ArrayList<>();
            for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(config.bucket()).prefix(prefix))
                    .uploads()) {
                uploads.add(new IncompleteUpload(u.key(), u.uploadId()));
            }
            return uploads;
        });
    }

    @Override
    public void abort(IncompleteUpload upload) {
        abortUpload(upload.key(), upload.uploadId(), retry);
    }

    /** Aborts with {@code policy}'s retries instead of the store's; an upload already gone counts as aborted. */
    void abortUpload(String key, String uploadId, RetryPolicy policy) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(config.bucket()).key(key).uploadId(uploadId)
                    .overrideConfiguration(o -> o.addPlugin(c -> c.overrideConfiguration(
                            c.overrideConfiguration().toBuilder().retryStrategy(retryStrategy(policy)).build()))));
        } catch (NoSuchUploadException e) {
            // aborted (or completed) already
        } catch (SdkException e) {
            throw failure("abort upload of " + key, e, policy.maxAttempts());
        }
    }

    RetryPolicy retry() {
        return retry;
    }

    @Override
    public void close() {
        s3.close();
    }

    S3Client client() {
        return s3;
    }

    String bucket() {
        return config.bucket();
    }

    <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failure(action, e);
        }
    }

    /** One message per kind of failure, naming bucket and endpoint; the SDK's own text only where it helps. */
    BackupException failure(String action, SdkException e) {
        return failure(action, e, retry.maxAttempts());
    }

    private BackupException failure(String action, SdkException e, int maxAttempts) {
        String where = "bucket '" + config.bucket() + "' at " + config.endpointName();
        // the SDK leaves the count out of some exceptions (HEAD requests); those it retried, it retried to the end
        boolean retried = e instanceof SdkClientException
                || e instanceof AwsServiceException s && (s.statusCode() >= 500 || s.statusCode() == 429);
        int tries = e.numAttempts() != null ? e.numAttempts() : retried ? maxAttempts : 1;
        String attempts = tries > 1 ? " after " + tries + " attempts" : "";
        if (e instanceof NoSuchBucketException) {
            return new BackupException("bucket '" + config.bucket() + "' does not exist at " + config.endpointName(), e);
        }
        if (e instanceof NoSuchKeyException) {
            return new BackupException("cannot " + action + ": no such object in " + where, e);
        }
        if (e instanceof AwsServiceException s) {
            int status = s.statusCode();
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            if (status == 404 && (code == null || code.isEmpty() || "NoSuchBucket".equals(code) || "NotFound".equals(code))
                    && action.equals("check bucket")) {
                return new BackupException("bucket '" + config.bucket() + "' does not exist at " + config.endpointName(), e);
            }
            if (status == 403 || status == 401) {
                return new BackupException("cannot " + action + ": access to " + where
                        + " denied (HTTP " + status + (code == null ? "" : " " + code)
                        + "); check the access key, secret key and region", e);
            }
            return new BackupException("cannot " + action + ": S3 answered HTTP " + status
                    + (code == null || code.isEmpty() ? "" : " " + code) + attempts + " (" + where + ")", e);
        }
        if (e instanceof SdkClientException) {
            return new BackupException("cannot " + action + ": S3 unreachable" + attempts + " (" + where + "): "
                    + rootMessage(e), e);
        }
        return new BackupException("cannot " + action + " (" + where + "): " + e.getMessage(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static String md5(byte[] data, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(data, 0, length);
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + describe() + "]";
    }
}
