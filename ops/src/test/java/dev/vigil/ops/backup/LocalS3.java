package dev.vigil.ops.backup;

import dev.vigil.testsupport.S3ProxyProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The ops tests' S3-compatible server (S3Proxy through {@link S3ProxyProcess}) and the settings that reach it. */
final class LocalS3 implements AutoCloseable {

    static final String IDENTITY = S3ProxyProcess.IDENTITY;
    static final String CREDENTIAL = S3ProxyProcess.CREDENTIAL;

    private final S3ProxyProcess process;
    final URI endpoint;

    private LocalS3(S3ProxyProcess process) {
        this.process = process;
        this.endpoint = process.endpoint();
    }

    /** Starts a server; {@code work} is kept for callers that pass their scratch directory. */
    static LocalS3 start(Path work) {
        return new LocalS3(S3ProxyProcess.start());
    }

    String createBucket() {
        String bucket = "vigil-ops-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** The environment {@code ops backup} reads its storage settings from. */
    Map<String, String> env(String bucket) {
        return Map.of("VIGIL_BACKUP_S3_ENDPOINT", endpoint.toString(),
                "VIGIL_BACKUP_S3_REGION", "us-east-1",
                "VIGIL_BACKUP_S3_BUCKET", bucket,
                "VIGIL_BACKUP_S3_PATH_STYLE", "true",
                "VIGIL_BACKUP_S3_ACCESS_KEY", IDENTITY,
                "VIGIL_BACKUP_S3_SECRET_KEY", CREDENTIAL);
    }

    @Override
    public void close() {
        process.close();
    }
}
