package dev.vigil.app.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http hides: pipelining, interim answers, the exact header lines,
 * HTTP/1.0, half-closed and slow clients.
 */
final class RawHttp implements AutoCloseable {

    /** One answer as it came over the wire. */
    record Response(String statusLine, List<String> headerLines, String body) {

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** The first value of a header, by case-insensitive name, or null. */
        String header(String name) {
            for (String line : headerLines) {
                int colon = line.indexOf(':');
                if (line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawHttp connect(int port) throws IOException {
        return connect("127.0.0.1", port);
    }

    /** A connection from a chosen local address (to look like another client than 127.0.0.1). */
    static RawHttp connect(String fromAddress, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(30_000);
        return new RawHttp(s);
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Tells the server this client sends nothing more (it still reads). */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one answer; {@code head}: an answer to HEAD, which has a Content-Length but no body. */
    Response read(boolean head) throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("connection closed before an answer");
        }
        List<String> headers = new ArrayList<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            headers.add(h);
        }
        Response r = new Response(status, headers, "");
        int code = r.status();
        String length = r.header("Content-Length");
        if (head || code < 200 || code == 204 || length == null) {
            return r;
        }
        byte[] body = in.readNBytes(Integer.parseInt(length));
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    Response read() throws IOException {
        return read(false);
    }

    /** Whether the server closes the connection (end of stream) within {@code within}; fails if bytes come instead. */
    boolean closedByServer(Duration within) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout((int) within.toMillis());
        try {
            int b = in.read();
            if (b >= 0) {
                throw new IOException("expected the end of the connection, got data: " + (char) b + line());
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("reset");
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(before);
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
