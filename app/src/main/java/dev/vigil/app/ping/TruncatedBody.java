package dev.vigil.app.ping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A ping's body as it arrives: the first {@code limit} bytes are kept, the rest is only counted. A long body is never
 * rejected (Healthchecks keeps a prefix), and no more than the limit is ever held in memory.
 */
public final class TruncatedBody {

    private static final int FIRST_CAPACITY = 8192;

    private final int limit;
    private byte[] kept;
    private int length;
    private long size;

    /** @param expected the length the client announced, or -1: sizes the first buffer, never trusted beyond it */
    public TruncatedBody(int limit, long expected) {
        this.limit = limit;
        this.kept = new byte[(int) Math.min(limit, expected >= 0 ? expected : FIRST_CAPACITY)];
    }

    /**
     * Reads a whole body, keeping the first {@code limit} bytes (so the connection stays usable).
     *
     * @param expected the Content-Length, or -1
     */
    public static TruncatedBody readAll(InputStream in, int limit, long expected) throws IOException {
        TruncatedBody body = new TruncatedBody(limit, expected);
        // a ping without a body (most of them) allocates next to nothing
        long bufferSize = expected >= 0 ? Math.min(FIRST_CAPACITY, expected) : FIRST_CAPACITY;
        byte[] buf = new byte[(int) Math.max(1, bufferSize)];
        int n;
        while ((n = in.read(buf)) >= 0) {
            body.append(ByteBuffer.wrap(buf, 0, n));
        }
        return body;
    }

    /** Takes all of {@code bytes} (it is left empty), keeping what still fits under the limit. */
    public void append(ByteBuffer bytes) {
        int n = bytes.remaining();
        int keep = Math.min(n, room());
        if (keep > 0) {
            if (length + keep > kept.length) {
                kept = Arrays.copyOf(kept, (int) Math.min(limit, Math.max(length + keep, 2L * kept.length)));
            }
            bytes.get(kept, length, keep);
            length += keep;
        }
        bytes.position(bytes.limit());
        size += n;
    }

    /** Bytes that may still be kept. */
    public int room() {
        return limit - length;
    }

    public int keptLength() {
        return length;
    }

    /** The kept bytes, at most the limit. */
    public byte[] kept() {
        return length == kept.length ? kept : Arrays.copyOf(kept, length);
    }

    /** All bytes the client sent. */
    public long size() {
        return size;
    }
}
