package dev.vigil.haproxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for one app server, light enough to run three: a real HTTP server on its main port that answers
 * {@code /health} with 200, or 404 while its maintenance file exists (as the app's own {@code /health} does),
 * and anything else with its name; and a second one on its ping port. Both echo the forwarded headers they got.
 */
final class TestBackend implements AutoCloseable {

    final String name;
    final Path maintenanceFile;
    private final int port;
    private final int pingPort;
    private HttpServer main;
    private HttpServer ping;
    private ExecutorService workers;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    TestBackend(String name, Path maintenanceFile) {
        this.name = name;
        this.maintenanceFile = maintenanceFile;
        this.port = Ports.free();
        this.pingPort = Ports.free();
        start();
    }

    int port() {
        return port;
    }

    int pingPort() {
        return pingPort;
    }

    /** Starts both listeners unless they run already. */
    synchronized void start() {
        if (main != null) {
            return;
        }
        workers = Executors.newFixedThreadPool(4);
        main = server(port, exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                awaitRelease();
                answer(exchange, 200, "main " + name + " slow");
            } else if (exchange.getRequestURI().getPath().equals("/health")) {
                boolean maintenance = Files.exists(maintenanceFile);
                answer(exchange, maintenance ? 404 : 200, maintenance ? "maintenance" : "ok");
            } else {
                answer(exchange, 200, "main " + name + echo(exchange));
            }
        });
        ping = server(pingPort, exchange -> answer(exchange, 200, "ping " + name + echo(exchange)));
    }

    /** From now on {@code /slow} answers only after {@link #release()}: a request that stays in flight. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    private void awaitRelease() {
        try {
            hold.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops both listeners after the requests in flight have been answered, as a deploy stops an app. */
    synchronized void stop() {
        if (main != null) {
            main.stop(1);
            ping.stop(1);
            workers.shutdown();
            main = null;
        }
    }

    private HttpServer server(int p, com.sun.net.httpserver.HttpHandler handler) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 64);
            s.createContext("/", handler);
            s.setExecutor(workers);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String echo(HttpExchange e) {
        return " xff=" + e.getRequestHeaders().get("X-Forwarded-For") + " proto="
                + e.getRequestHeaders().get("X-Forwarded-Proto");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        stop();
    }
}
