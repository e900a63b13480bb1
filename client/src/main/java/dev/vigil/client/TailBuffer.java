package dev.vigil.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code capacity} bytes written to it: a command's output or stderr can be any size, and its
 * end is where the error is. Thread-safe, so stdout and stderr may share one.
 */
public final class TailBuffer {

    private final byte[] ring;
    private long total;

    public TailBuffer(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0");
        }
        this.ring = new byte[capacity];
    }

    public synchronized void append(byte[] b, int off, int len) {
        int capacity = ring.length;
        if (capacity == 0) {
            total += len;
            return;
        }
        if (len >= capacity) { // only the last capacity bytes survive
            off += len - capacity;
            total += len - capacity;
            len = capacity;
        }
        int pos = (int) (total % capacity);
        int first = Math.min(len, capacity - pos);
        System.arraycopy(b, off, ring, pos, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        total += len;
    }

    /** Bytes ever appended. */
    public synchronized long total() {
        return total;
    }

    /** True when more was appended than is kept. */
    public synchronized boolean truncated() {
        return total > ring.length;
    }

    /** The kept bytes as UTF-8 text, starting at a character boundary. */
    public synchronized String text() {
        byte[] bytes = bytes();
        int start = 0;
        if (truncated()) {
            while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
                start++;
            }
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    private byte[] bytes() {
        int capacity = ring.length;
        int kept = (int) Math.min(total, capacity);
        byte[] out = new byte[kept];
        if (kept == 0) {
            return out;
        }
        int start = (int) ((total - kept) % capacity);
        int first = Math.min(kept, capacity - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, kept - first);
        return out;
    }

    /**
     * Starts a daemon thread that copies {@code in} into this buffer, and into {@code tee} too if not null,
     * until the end of {@code in}. Join the thread to know all output was read.
     */
    public Thread drain(InputStream in, OutputStream tee, String threadName) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            boolean teeing = tee != null;
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    append(buf, 0, n);
                    if (teeing) {
                        try {
                            synchronized (tee) {
                                tee.write(buf, 0, n);
                                tee.flush();
                            }
                        } catch (IOException e) {
                            teeing = false; // keep draining: a child must never block on a full pipe
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away; what was read is kept
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
