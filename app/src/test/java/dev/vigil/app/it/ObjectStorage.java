package dev.vigil.app.it;

import dev.vigil.testsupport.Await;
import dev.vigil.testsupport.S3ProxyProcess;
import dev.vigil.testsupport.TcpProxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The tests' S3-compatible server, reached by the app through a cuttable proxy, and a client to look inside. */
public final class ObjectStorage implements AutoCloseable {

    private final S3ProxyProcess server;
    public final TcpProxy link;
    public final String bucket;
    public final Path spool;
    private final S3Client client;

    private ObjectStorage(S3ProxyProcess server, TcpProxy link, String bucket, Path spool, S3Client client) {
        this.server = server;
        this.link = link;
        this.bucket = bucket;
        this.spool = spool;
        this.client = client;
    }

    static ObjectStorage start(String bucket, Path spool) throws IOException {
        S3ProxyProcess server = S3ProxyProcess.start();
        TcpProxy link = TcpProxy.to("127.0.0.1", server.endpoint().getPort());
        S3Client client = client(server.endpoint());
        client.createBucket(b -> b.bucket(bucket));
        return new ObjectStorage(server, link, bucket, spool, client);
    }

    static S3Client client(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.of(S3ProxyProcess.REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyProcess.IDENTITY, S3ProxyProcess.CREDENTIAL)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Stores an object, as another server's uploader would. */
    public void put(String key, byte[] bytes) {
        client.putObject(b -> b.bucket(bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
    }

    /** The object's bytes once it has been uploaded (the app uploads in the background). */
    public byte[] awaitObject(String key) {
        Await.until(Duration.ofSeconds(30), () -> get(key).isPresent(), () -> "object " + key + " not uploaded");
        return get(key).orElseThrow();
    }

    /** All keys under a prefix, in the bucket's (lexical) order. */
    public List<String> keys(String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** Files in the app's spool waiting for upload. */
    public List<String> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spool.resolve("ready"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Override
    public void close() {
        client.close();
        link.close();
        server.close();
    }
}
