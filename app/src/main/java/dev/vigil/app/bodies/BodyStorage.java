package dev.vigil.app.bodies;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ping bodies in object storage, when a bucket is configured (docs/configuration.md, "Ping bodies in object
 * storage"): bodies above a threshold are spooled to local disk on the request path and uploaded by background
 * threads; readers look in the spool, then in the bucket, and wait briefly for an upload in progress elsewhere.
 */
@ApplicationScoped
public class BodyStorage {

    private static final Logger LOG = Logger.getLogger(BodyStorage.class.getName());
    private static final long[] READ_RETRY_MS = {0, 200, 400, 800};

    @Resource
    ManagedThreadFactory threads;

    private int threshold;
    private BodySpool spool;
    private BodyObjects objects;
    private SpoolUploader uploader;
    private ExecutorService cleanup;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Config config = ConfigProvider.getConfig();
        Optional<String> endpoint = config.getOptionalValue("vigil.s3.endpoint", String.class)
                .map(String::strip).filter(s -> !s.isEmpty());
        if (endpoint.isEmpty()) {
            return;
        }
        String bucket = required(config, "vigil.s3.bucket", "VIGIL_S3_BUCKET");
        threshold = config.getOptionalValue("vigil.s3.body.threshold", Integer.class).orElse(100);
        Path dir = config.getOptionalValue("vigil.spool.dir", String.class).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "vigil-spool"));
        spool = new BodySpool(dir);
        objects = new S3BodyObjects(URI.create(endpoint.get()),
                config.getOptionalValue("vigil.s3.region", String.class).orElse("us-east-1"), bucket,
                required(config, "vigil.s3.access.key", "VIGIL_S3_ACCESS_KEY"),
                required(config, "vigil.s3.secret.key", "VIGIL_S3_SECRET_KEY"));
        uploader = new SpoolUploader(spool, objects, threads);
        uploader.start();
        cleanup = Executors.newSingleThreadExecutor(threads);
        LOG.info(() -> "ping bodies over " + threshold + " bytes go to bucket " + bucket + " at " + endpoint.get()
                + " (spool " + dir + ")");
    }

    private static String required(Config config, String key, String variable) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalStateException(variable + " must be set when VIGIL_S3_ENDPOINT is"));
    }

    /** Whether a body of this many bytes goes to object storage. */
    public boolean offloads(int size) {
        return spool != null && size > threshold;
    }

    public SpooledBody stage(byte[] body) throws IOException {
        return spool.stage(body);
    }

    public void promote(SpooledBody body, String key) throws IOException {
        spool.promote(body, key);
    }

    public void syncSpool() throws IOException {
        spool.syncReady();
    }

    /** A staged body's bytes (the kept part, at most the body limit): the ping writer's keyword filter reads it. */
    public byte[] readStaged(SpooledBody body) throws IOException {
        return spool.readStaged(body);
    }

    public void discard(SpooledBody body) {
        spool.discard(body);
    }

    /** Tells the uploader that committed bodies are waiting. */
    public void uploadSoon() {
        if (uploader != null) {
            uploader.wake();
        }
    }

    /** The body stored under {@code objectKey}: from this server's spool, else from the bucket. */
    public PingBody read(String objectKey) {
        if (spool == null) {
            LOG.warning(() -> "a ping body is in object storage (" + objectKey + ") but no bucket is configured");
            return PingBody.PROCESSING;
        }
        for (long wait : READ_RETRY_MS) {
            LockSupport.parkNanos(Duration.ofMillis(wait).toNanos()); // another server may be uploading it now
            Optional<byte[]> local = spool.read(objectKey);
            if (local.isPresent()) {
                return new PingBody.Present(local.get());
            }
            Optional<byte[]> remote = objects.get(objectKey);
            if (remote.isPresent()) {
                return new PingBody.Present(remote.get());
            }
        }
        return PingBody.PROCESSING;
    }

    /** Deletes a deleted check's objects, in the background. */
    public void deleteCheckSoon(UUID checkId) {
        background(() -> objects.deleteCheck(checkId), "deleting the objects of check " + checkId);
    }

    /** Deletes the bodies of pruned pings (serials below {@code n}), in the background. */
    public void pruneSoon(UUID checkId, long n) {
        background(() -> objects.deleteOlderThan(checkId, n), "pruning the objects of check " + checkId);
    }

    private void background(Runnable work, String what) {
        if (cleanup == null) {
            return;
        }
        cleanup.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed (left for the next prune): " + e.getMessage(), e);
            }
        });
    }

    @PreDestroy
    void stop() {
        if (uploader != null) {
            uploader.stop(Duration.ofSeconds(5));
            cleanup.shutdown();
            objects.close();
        }
    }
}
