package dev.vigil.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.time.Duration;

/**
 * The one way Vigil sets up an S3 client, for the app's ping bodies and for the backups: the synchronous client
 * over Apache HttpClient, static credentials, path-style where asked, and checksums only where S3 requires them.
 * The SDK's default since 2.30 adds CRC32 trailers to every upload and checks them on every download; many
 * S3-compatible servers (S3Proxy, older MinIO and Ceph, Backblaze B2, Garage) reject or lack those, so uploads
 * that need an integrity check carry Content-MD5 instead.
 *
 * <p>Callers add what is theirs (a retry strategy, a call timeout) to the builder and build it.
 */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * A client builder for {@code config}, with up to {@code maxConnections} connections, each given
     * {@code connectTimeout} to open and {@code socketTimeout} between packets.
     */
    public static S3ClientBuilder builder(S3Config config, int maxConnections, Duration connectTimeout,
                                          Duration socketTimeout) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKey(), config.secretKey())))
                .forcePathStyle(config.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(maxConnections)
                        .connectionTimeout(connectTimeout)
                        .socketTimeout(socketTimeout));
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        return builder;
    }
}
