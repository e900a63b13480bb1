package dev.vigil.backup;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes on but keeps the last {@code size} of them until {@link #release()}. pg_restore cannot finish
 * (and so cannot commit its single transaction) without the archive's last bytes, so holding them back until
 * the ciphertext's integrity is verified means a corrupted backup can never be half restored.
 */
final class HoldbackOutputStream extends OutputStream {

    private final OutputStream out;
    private final byte[] held;
    private int count;

    HoldbackOutputStream(OutputStream out, int size) {
        this.out = out;
        this.held = new byte[size];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= held.length) {
            out.write(held, 0, count);
            out.write(b, off, len - held.length);
            System.arraycopy(b, off + len - held.length, held, 0, held.length);
            count = held.length;
            return;
        }
        int overflow = count + len - held.length;
        if (overflow > 0) {
            out.write(held, 0, overflow);
            System.arraycopy(held, overflow, held, 0, count - overflow);
            count -= overflow;
        }
        System.arraycopy(b, off, held, count, len);
        count += len;
    }

    /** Sends the held bytes on and flushes. */
    void release() throws IOException {
        out.write(held, 0, count);
        count = 0;
        out.flush();
    }

    /** Bytes currently held back. */
    int held() {
        return count;
    }
}
