package dev.vigil.watchdog.probe;

import dev.vigil.watchdog.ProbeResult;
import dev.vigil.watchdog.Prober;
import dev.vigil.watchdog.Target;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTPS GET of the health path through one specific address, as a client that resolved the public name to
 * that address would send it: TLS with SNI for the name, the certificate verified for the name (hostname check
 * included), {@code Host:} the name.
 *
 * <p>Why a socket and not {@code java.net.http}: that client resolves the host itself and forbids setting
 * {@code Host}, so it cannot reach one chosen balancer under the public name. HTTP/1.1 with
 * {@code Connection: close} over an {@link SSLSocket} needs only the status line, which keeps this small.
 */
public final class HttpsProbe implements Prober {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");
    private static final int MAX_STATUS_LINE = 8192;

    private final String hostName;
    private final int port;
    private final String path;
    private final Duration timeout;
    private final SSLContext tls;

    /**
     * @param hostName the public name: SNI, certificate check and {@code Host} header
     * @param path     the health path, e.g. {@code /health}
     * @param timeout  for the whole probe: connect, handshake, request and status line
     * @param tls      whose trust managers decide which certificates are valid
     */
    public HttpsProbe(String hostName, int port, String path, Duration timeout, SSLContext tls) {
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            throw new IllegalArgumentException("the probe path must start with / and contain no spaces or "
                    + "control characters: \"" + path + "\"");
        }
        URI.create("https://" + hostName + path); // rejects a name no client could ask for
        this.hostName = hostName;
        this.port = port;
        this.path = path;
        this.timeout = timeout;
        this.tls = tls;
    }

    @Override
    public ProbeResult probe(Target target) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(target.address(), port), remainingMillis(deadline));
            try (SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(raw, hostName, port, true)) {
                SSLParameters params = ssl.getSSLParameters();
                params.setServerNames(List.of(new SNIHostName(hostName)));
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.setSoTimeout(remainingMillis(deadline));
                ssl.startHandshake();
                OutputStream out = ssl.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostName + "\r\nUser-Agent: vigil-watchdog\r\n"
                        + "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                ssl.setSoTimeout(remainingMillis(deadline));
                int status = readStatus(ssl.getInputStream());
                return ProbeResult.answered(status, since(started));
            }
        } catch (SocketTimeoutException e) {
            return ProbeResult.failed("timed out after " + timeout.toMillis() + " ms", since(started));
        } catch (IOException | RuntimeException e) {
            return ProbeResult.failed(describe(e), since(started));
        }
    }

    private static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.size() >= MAX_STATUS_LINE) {
                throw new IOException("status line longer than " + MAX_STATUS_LINE + " bytes");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1).strip();
        Matcher m = STATUS_LINE.matcher(text);
        if (!m.matches()) {
            throw new IOException(text.isEmpty() ? "connection closed before an answer"
                    : "not an HTTP status line: \"" + text.substring(0, Math.min(80, text.length())) + "\"");
        }
        return Integer.parseInt(m.group(1));
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("probe deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * The exception and the most specific message in its cause chain (certificate problems hide a few levels
     * down), each said once: TLS errors usually repeat their cause's message in their own.
     */
    static String describe(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String top = String.valueOf(e.getMessage());
        String detail = deepest.getMessage();
        String name = e.getClass().getSimpleName() + ": ";
        if (deepest == e || detail == null || top.contains(detail)) {
            return name + top;
        }
        if (detail.contains(top)) {
            return name + detail;
        }
        return name + top + " (" + detail + ")";
    }
}
