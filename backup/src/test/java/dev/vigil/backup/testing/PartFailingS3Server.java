package dev.vigil.backup.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server speaking just enough S3 for a multipart upload to begin (the bucket exists, the upload
 * starts) and then failing every part with 500: storage that breaks down in the middle of a backup. It
 * records each request as "METHOD query" so tests can see the retries and the abort.
 */
public final class PartFailingS3Server implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public PartFailingS3Server() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        requests.add(method + " " + query);
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
        } else if (method.equals("POST") && query.startsWith("uploads")) {
            String[] path = exchange.getRequestURI().getPath().split("/", 3);
            respond(exchange, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><InitiateMultipartUploadResult>"
                    + "<Bucket>" + path[1] + "</Bucket><Key>" + path[2] + "</Key><UploadId>upload-1</UploadId>"
                    + "</InitiateMultipartUploadResult>");
        } else if (method.equals("DELETE") && query.contains("uploadId=")) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            respond(exchange, 500, "<?xml version=\"1.0\"?><Error><Code>InternalError</Code>"
                    + "<Message>We encountered an internal error.</Message></Error>");
        }
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
