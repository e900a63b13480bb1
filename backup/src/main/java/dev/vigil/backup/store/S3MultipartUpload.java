package dev.vigil.backup.store;

import dev.vigil.backup.BackupException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A multipart upload fed as a stream. Bytes fill a part buffer in memory; a full buffer is sent by a
 * background thread while the writer fills the next one, with at most {@code inFlight} parts being sent. A
 * writer that outpaces the network blocks, so memory stays at {@code (inFlight + 1) * partSize} whatever
 * the object's size. The first failed part fails every later write, and the caller aborts.
 *
 * <p>Each part holds one of {@code inFlight} slots from the moment it is handed to a sender until its request
 * has ended, however it ended; every path that takes a slot gives it back, so waiting for all slots (before
 * completing) is waiting for the parts' own retries and nothing longer. An abort does not wait for parts that
 * still retry against storage that is gone: it stops them and sends the abort.
 */
final class S3MultipartUpload extends ObjectUpload {

    private static final int MAX_PARTS = 10_000; // S3's limit
    /** How long an abort lets a part that is on the wire end before aborting anyway (S3 then refuses the part). */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final S3ObjectStore store;
    private final String key;
    private final String uploadId;
    private final int partSize;
    private final int inFlight;
    private final Semaphore slots;
    private final ExecutorService senders;
    private final Deque<byte[]> freeBuffers = new ArrayDeque<>();
    private final List<CompletedPart> parts = new ArrayList<>();
    private final AtomicReference<BackupException> failure = new AtomicReference<>();
    private final AtomicInteger buffersAllocated = new AtomicInteger();

    private byte[] buffer;
    private int filled;
    private int partNumber;
    private long size;
    private boolean completed;
    /** No more writes: set by an abort before it stops the senders. */
    private volatile boolean closed;
    private boolean abortedInStorage;
    /** A request of this upload used up its retries: storage is failing, so the abort gets a short leash. */
    private volatile boolean storageFailed;

    S3MultipartUpload(S3ObjectStore store, String key, String uploadId, int partSize, int inFlight) {
        this.store = store;
        this.key = key;
        this.uploadId = uploadId;
        this.partSize = partSize;
        this.inFlight = inFlight;
        this.slots = new Semaphore(inFlight);
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, "s3-part-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        while (len > 0) {
            if (buffer == null) {
                buffer = takeBuffer();
            }
            int n = Math.min(len, partSize - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == partSize) {
                sendPart();
            }
        }
    }

    @Override
    public long complete() throws IOException {
        ensureOpen();
        if (filled > 0 || partNumber == 0) {
            if (buffer == null) {
                buffer = takeBuffer();
            }
            sendPart();
        }
        awaitAllParts();
        throwIfFailed();
        List<CompletedPart> sorted;
        synchronized (parts) {
            sorted = new ArrayList<>(parts);
        }
        sorted.sort(Comparator.comparingInt(CompletedPart::partNumber));
        try {
            store.call("complete upload of " + key, () -> store.client().completeMultipartUpload(b -> b
                    .bucket(store.bucket()).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(sorted))));
        } catch (BackupException e) {
            storageFailed = true;
            throw e;
        }
        completed = true;
        senders.shutdown();
        return size;
    }

    /**
     * Stops the parts still being sent and aborts the upload in storage. After a request of this upload used up
     * its retries the abort gets one try and one retry ({@link dev.vigil.backup.RetryPolicy#afterOutage()});
     * otherwise the store's whole policy. Never interrupts the caller; throws if the storage did not take the
     * abort, and may then be called again.
     */
    @Override
    public void abort() {
        if (completed || abortedInStorage) {
            return;
        }
        boolean interrupted = Thread.interrupted(); // the SDK refuses to send from an interrupted thread
        try {
            if (!closed) {
                closed = true;
                senders.shutdownNow(); // a part waiting to retry stops at once; one on the wire ends with its request
                interrupted |= !drainSenders();
            }
            store.abortUpload(key, uploadId, storageFailed ? store.retry().afterOutage() : store.retry());
            abortedInStorage = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt(); // someone else's interrupt: theirs to handle
            }
        }
    }

    /** Buffers allocated so far: at most {@code inFlight + 1}, for tests of the memory bound. */
    int buffersAllocated() {
        return buffersAllocated.get();
    }

    /** Slots free right now: all {@code inFlight} once no part is being sent, for tests of the slot accounting. */
    int freeSlots() {
        return slots.availablePermits();
    }

    private void ensureOpen() throws IOException {
        if (completed || closed) {
            throw new IOException("upload of " + key + " is already " + (completed ? "complete" : "aborted"));
        }
        throwIfFailed();
    }

    private void throwIfFailed() throws IOException {
        BackupException e = failure.get();
        if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void sendPart() throws IOException {
        if (partNumber == MAX_PARTS) {
            throw new IOException("the backup needs more than " + MAX_PARTS + " parts of " + (partSize >> 20)
                    + " MiB; raise the part size");
        }
        acquireSlot();
        boolean handedOver = false;
        try {
            throwIfFailed(); // a part failed while this one waited for its slot
            int number = partNumber + 1;
            byte[] data = buffer;
            int length = filled;
            senders.execute(() -> sendAndRelease(number, data, length));
            handedOver = true; // from here the sender gives the slot back
            partNumber = number;
            buffer = null;
            filled = 0;
            size += length;
        } finally {
            if (!handedOver) {
                slots.release();
            }
        }
    }

    private void sendAndRelease(int number, byte[] data, int length) {
        try {
            if (failure.get() == null) {
                upload(number, data, length);
            }
        } catch (BackupException e) {
            if (!closed) { // not a part the abort stopped
                storageFailed = true;
            }
            failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, new BackupException("cannot upload part " + number + " of " + key
                    + ": " + e, e));
        } finally {
            synchronized (freeBuffers) {
                freeBuffers.push(data);
            }
            slots.release();
        }
    }

    private void upload(int number, byte[] data, int length) {
        String md5 = S3ObjectStore.md5(data, length);
        try {
            String etag = store.client().uploadPart(b -> b.bucket(store.bucket()).key(key).uploadId(uploadId)
                            .partNumber(number).contentLength((long) length).contentMD5(md5),
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length), length,
                            "application/octet-stream")).eTag();
            synchronized (parts) {
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
        } catch (SdkException e) {
            throw store.failure("upload part " + number + " of " + key, e);
        }
    }

    private byte[] takeBuffer() {
        synchronized (freeBuffers) {
            byte[] b = freeBuffers.poll();
            if (b != null) {
                return b;
            }
        }
        buffersAllocated.incrementAndGet();
        return new byte[partSize];
    }

    private void acquireSlot() throws InterruptedIOException {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading " + key);
        }
    }

    /** Waits until no part is being sent: each part's request ends within its retry policy, so this does too. */
    private void awaitAllParts() throws InterruptedIOException {
        try {
            slots.acquire(inFlight);
            slots.release(inFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading " + key);
        }
    }

    /** Waits up to {@link #DRAIN} for the senders to end; false if interrupted, which ends the wait early. */
    private boolean drainSenders() {
        try {
            senders.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
