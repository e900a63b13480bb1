package dev.vigil.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and byte count of what passes through a stream: the ciphertext on its way up or down. */
final class Sha256 {

    private final MessageDigest digest;
    private long count;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    void update(byte[] b, int off, int len) {
        digest.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    /** Lower-case hex; ends the digest, so call it once, at the end. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static final class Out extends FilterOutputStream {
        final Sha256 sha = new Sha256();

        Out(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sha.update(b, off, len);
        }
    }

    /** Marks an error of the download itself, as opposed to one found in the downloaded bytes. */
    static final class DownloadFailure extends IOException {
        private static final long serialVersionUID = 1L;

        DownloadFailure(IOException cause) {
            super("download failed: " + cause.getMessage(), cause);
        }
    }

    static final class In extends FilterInputStream {
        final Sha256 sha = new Sha256();

        In(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw new DownloadFailure(e);
            }
            if (n > 0) {
                sha.update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return super.skip(0); // skipped bytes would escape the digest
        }

        /** Reads to the end, so that the digest covers the whole object. */
        void drain() throws IOException {
            byte[] buf = new byte[1 << 16];
            while (read(buf, 0, buf.length) >= 0) {
                // digesting
            }
        }
    }
}
