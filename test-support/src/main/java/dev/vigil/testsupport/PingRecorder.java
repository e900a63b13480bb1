package dev.vigil.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for Vigil's ping endpoint: a real HTTP server on loopback that records every request and
 * answers with the statuses it is told to (200 once those run out).
 */
public final class PingRecorder implements AutoCloseable {

    /** One request as received. */
    public record Ping(String method, String path, String query, String body) {
        /** The part after the check's URL: "" for success, "/start", "/fail", "/3". */
        public String signal() {
            int i = path.indexOf(CHECK);
            return path.substring(i + CHECK.length());
        }
    }

    private static final String CHECK = "/ping/3f1c8b52-check";

    private final HttpServer server;
    private final List<Ping> pings = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

    public PingRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            pings.add(new Ping(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(), new String(body, StandardCharsets.UTF_8)));
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The check's ping URL on this server. */
    public URI pingUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CHECK);
    }

    /** The next requests get these statuses, in order. */
    public void answerNext(int... codes) {
        for (int c : codes) {
            statuses.add(c);
        }
    }

    /** Waits until {@code count} requests have arrived and returns them all. */
    public List<Ping> await(int count) {
        Await.until(Duration.ofSeconds(20), () -> pings.size() >= count, () -> count + " pings, got " + pings.size());
        return new ArrayList<>(pings);
    }

    public List<Ping> received() {
        return new ArrayList<>(pings);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
