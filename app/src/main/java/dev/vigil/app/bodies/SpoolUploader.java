package dev.vigil.app.bodies;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the spool's ready bodies into the bucket with a few parallel uploads, and deletes each file once its
 * object is stored. Failed uploads stay in the spool and are retried with a growing pause (1 s to 30 s).
 */
final class SpoolUploader {

    private static final Logger LOG = Logger.getLogger(SpoolUploader.class.getName());
    private static final int PARALLEL = 4;
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final BodySpool spool;
    private final BodyObjects objects;
    private final ThreadFactory threads;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ExecutorService uploads;
    private Thread loop;
    private volatile boolean running;
    private volatile boolean failing;

    SpoolUploader(BodySpool spool, BodyObjects objects, ThreadFactory threads) {
        this.spool = spool;
        this.objects = objects;
        this.threads = threads;
    }

    void start() {
        running = true;
        uploads = Executors.newFixedThreadPool(PARALLEL, threads);
        loop = threads.newThread(this::run);
        loop.setName("vigil-body-uploader");
        loop.start();
    }

    void wake() {
        wakeUp.release();
    }

    private void run() {
        long pauseMs = 1000;
        long lastOrphanSweep = 0;
        while (running) {
            try {
                wakeUp.tryAcquire(failing ? pauseMs : 1000, TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                if (System.currentTimeMillis() - lastOrphanSweep > ORPHAN_AGE.toMillis()) {
                    lastOrphanSweep = System.currentTimeMillis();
                    int removed = spool.cleanOrphans(ORPHAN_AGE);
                    if (removed > 0) {
                        LOG.info(() -> "removed " + removed + " spooled bodies of pings that were never committed");
                    }
                }
                submitWaiting();
                pauseMs = failing ? Math.min(pauseMs * 2, 30_000) : 1000;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "reading the body spool failed: " + e.getMessage(), e);
            }
        }
    }

    private void submitWaiting() throws IOException {
        List<BodySpool.Waiting> waiting = spool.waiting(1000);
        for (BodySpool.Waiting w : waiting) {
            if (inFlight.add(w.key())) {
                uploads.execute(() -> upload(w));
            }
        }
    }

    private void upload(BodySpool.Waiting w) {
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(w.file());
            objects.put(w.key(), bytes);
            spool.remove(w);
            if (failing) {
                failing = false;
                LOG.info("uploads of ping bodies to object storage work again");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // uploaded and removed by an earlier round
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "uploading ping bodies to object storage fails (" + e.getMessage()
                        + "); they stay in the spool and are retried", e);
            }
        } finally {
            inFlight.remove(w.key());
        }
    }

    /** Stops after giving the uploads in flight (and what is waiting) up to {@code grace} to finish. */
    void stop(Duration grace) {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        try {
            if (!failing) {
                submitWaiting();
            }
        } catch (IOException | RuntimeException e) {
            // what is left is uploaded at the next start
        }
        uploads.shutdown();
        try {
            if (!uploads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                uploads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
