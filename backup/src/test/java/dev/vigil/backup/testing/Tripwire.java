package dev.vigil.backup.testing;

import dev.vigil.testsupport.TcpProxy;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Acts once at a chosen moment of the S3 conversation that passes through a {@link TcpProxy}: when a client has
 * sent one of {@code markers} (text of a request line, such as {@code partNumber=1} or {@code .manifest.json})
 * and then {@code bytesAfter} more bytes. The action runs on the forwarding thread before the bytes that trip it
 * go on, so with {@code bytesAfter = 0} the request that carries the marker never reaches the server.
 */
public final class Tripwire implements TcpProxy.Tap {

    private final List<String> markers;
    private final long bytesAfter;
    private final Runnable action;
    private final int keep;
    private String tail = "";
    private long seenAfter = -1;
    private volatile long firedAtNanos;

    public Tripwire(List<String> markers, long bytesAfter, Runnable action) {
        this.markers = List.copyOf(markers);
        this.bytesAfter = bytesAfter;
        this.action = action;
        this.keep = markers.stream().mapToInt(String::length).max().orElse(1) - 1;
    }

    @Override
    public synchronized void clientSent(byte[] buf, int off, int len) {
        if (firedAtNanos != 0) {
            return;
        }
        if (seenAfter < 0) {
            String text = tail + new String(buf, off, len, StandardCharsets.ISO_8859_1);
            int end = -1;
            for (String m : markers) {
                int i = text.indexOf(m);
                if (i >= 0 && (end < 0 || i + m.length() < end)) {
                    end = i + m.length();
                }
            }
            if (end < 0) {
                tail = text.substring(Math.max(0, text.length() - keep));
                return;
            }
            seenAfter = text.length() - end;
        } else {
            seenAfter += len;
        }
        if (seenAfter >= bytesAfter) {
            firedAtNanos = System.nanoTime();
            action.run();
        }
    }

    public boolean fired() {
        return firedAtNanos != 0;
    }

    /** {@link System#nanoTime()} when the action ran. */
    public long firedAtNanos() {
        if (firedAtNanos == 0) {
            throw new AssertionError("the tripwire never fired (markers " + markers + ")");
        }
        return firedAtNanos;
    }
}
