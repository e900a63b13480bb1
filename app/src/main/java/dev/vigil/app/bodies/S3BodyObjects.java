package dev.vigil.app.bodies;

import dev.vigil.s3.S3Clients;
import dev.vigil.s3.S3Config;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Ping bodies in an S3-compatible bucket (AWS, Backblaze B2, Wasabi, MinIO, Ceph ...), path-style addressing. */
public final class S3BodyObjects implements BodyObjects {

    /** S3's own maximum of keys per listing page, and of keys per multi-object delete. */
    public static final int MAX_PAGE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final int pageSize;

    public S3BodyObjects(URI endpoint, String region, String bucket, String accessKey, String secretKey) {
        this(endpoint, region, bucket, accessKey, secretKey, MAX_PAGE);
    }

    /** With a smaller listing page, for tests that must span pages without storing thousands of objects. */
    public S3BodyObjects(URI endpoint, String region, String bucket, String accessKey, String secretKey,
            int pageSize) {
        this.bucket = bucket;
        this.pageSize = pageSize;
        this.s3 = S3Clients.builder(new S3Config(endpoint, region, bucket, accessKey, secretKey, true), 16,
                        Duration.ofSeconds(5), Duration.ofSeconds(30))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    @Override
    public void put(String key, byte[] body) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/octet-stream"),
                RequestBody.fromBytes(body));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public int deleteCheck(UUID checkId) {
        return deleteListed(ListObjectsV2Request.builder().bucket(bucket).prefix(ObjectKeys.prefix(checkId)));
    }

    @Override
    public int deleteOlderThan(UUID checkId, long n) {
        return deleteListed(ListObjectsV2Request.builder().bucket(bucket).prefix(ObjectKeys.prefix(checkId))
                .startAfter(ObjectKeys.startAfterForOlderThan(checkId, n)));
    }

    /** Lists page by page (at most {@code pageSize} keys each) and deletes each page with one request. */
    private int deleteListed(ListObjectsV2Request.Builder request) {
        int deleted = 0;
        String token = null;
        do {
            ListObjectsV2Response page = s3.listObjectsV2(request.maxKeys(pageSize).continuationToken(token).build());
            List<ObjectIdentifier> ids = page.contents().stream().map(S3Object::key)
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            if (!ids.isEmpty()) {
                s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
                deleted += ids.size();
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return deleted;
    }

    @Override
    public void close() {
        s3.close();
    }
}
