package dev.vigil.backup.testing;

import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.s3.S3Config;
import dev.vigil.testsupport.S3ProxyProcess;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The backup tests' S3-compatible server: one {@link S3ProxyProcess} per test JVM (each test makes its own bucket),
 * or one of a test's own to kill, with helpers that look at the bucket behind the code under test's back.
 */
public final class S3ProxyServer {

    public static final String IDENTITY = S3ProxyProcess.IDENTITY;
    public static final String CREDENTIAL = S3ProxyProcess.CREDENTIAL;
    private static S3ProxyServer shared;

    private final S3ProxyProcess process;

    private S3ProxyServer(S3ProxyProcess process) {
        this.process = process;
    }

    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            S3ProxyProcess process = S3ProxyProcess.start();
            shared = new S3ProxyServer(process);
            Runtime.getRuntime().addShutdownHook(new Thread(process::close, "stop-s3proxy"));
        }
        return shared;
    }

    /**
     * A server of its own, for a test that kills it: {@link #process()} kills and restarts it. The caller
     * {@link #close()}s it.
     */
    public static S3ProxyServer startOwn() {
        return new S3ProxyServer(S3ProxyProcess.start());
    }

    public S3ProxyProcess process() {
        return process;
    }

    /** Stops a server from {@link #startOwn()} and removes its data. */
    public void close() {
        process.close();
    }

    public URI endpoint() {
        return process.endpoint();
    }

    /** Where the filesystem backend keeps a bucket's objects. */
    public Path bucketDirectory(String bucket) {
        return process.bucketDirectory(bucket);
    }

    public S3Config config(String bucket) {
        return new S3Config(endpoint(), S3ProxyProcess.REGION, bucket, IDENTITY, CREDENTIAL, true);
    }

    /** A new, empty bucket with a unique name. */
    public String createBucket(String purpose) {
        String bucket = ("vigil-" + purpose + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** A plain SDK client, for looking at the bucket behind the code under test's back. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** A store on {@code bucket} with small parts, so that modest test data spans several. */
    public S3ObjectStore store(String bucket) {
        return S3ObjectStore.open(config(bucket), TestRetries.FAST, S3ObjectStore.MIN_PART_SIZE, 2);
    }
}
