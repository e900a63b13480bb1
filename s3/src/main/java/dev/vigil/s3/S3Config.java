package dev.vigil.s3;

import java.net.URI;
import java.util.Objects;

/**
 * Where the S3-compatible storage is and how to sign in. {@code endpoint} is null for AWS itself;
 * {@code pathStyle} is needed by most S3-compatible servers (MinIO, Ceph, S3Proxy). Neither key appears in
 * {@link #toString()} (only the access key's first characters, to tell keys apart).
 */
public record S3Config(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                       boolean pathStyle) {

    public S3Config {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("bucket must not be blank");
        }
    }

    /** The endpoint for messages: the given URL, or AWS's regional one. */
    public String endpointName() {
        return endpoint == null ? "https://s3." + region + ".amazonaws.com" : endpoint.toString();
    }

    @Override
    public String toString() {
        return "S3Config[endpoint=" + endpointName() + ", region=" + region + ", bucket=" + bucket
                + ", accessKey=" + masked(accessKey) + ", secretKey=***, pathStyle=" + pathStyle + "]";
    }

    private static String masked(String key) {
        return key.length() <= 4 ? "***" : key.substring(0, 4) + "***";
    }
}
