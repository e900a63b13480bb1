package dev.vigil.watchdog.dns.cloudflare;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for api.cloudflare.com that plays a script: each expected request (method, path with query, the
 * bearer token, JSON body compared as JSON) gets its scripted answer in order. Anything else is recorded as a
 * mismatch and answered 500, so a test sees exactly which request was wrong.
 */
final class ScriptedCloudflare implements AutoCloseable {

    static final String TOKEN = "test-token-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Exchange(String method, String pathAndQuery, String body, int status, Map<String, String> headers,
                    String answer) {
    }

    private final HttpServer server;
    private final Deque<Exchange> script = new ArrayDeque<>();
    private final List<String> mismatches = new ArrayList<>();

    ScriptedCloudflare() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4");
    }

    ScriptedCloudflare expect(String method, String pathAndQuery, String body, int status, String answer) {
        return expect(method, pathAndQuery, body, status, Map.of(), answer);
    }

    synchronized ScriptedCloudflare expect(String method, String pathAndQuery, String body, int status,
                                           Map<String, String> headers, String answer) {
        script.add(new Exchange(method, "/client/v4" + pathAndQuery, body, status, headers, answer));
        return this;
    }

    synchronized List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    synchronized int unplayed() {
        return script.size();
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String got = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        Exchange next = script.poll();
        List<String> wrong = new ArrayList<>();
        if (next == null) {
            wrong.add("unexpected request " + got);
        } else {
            String want = next.method() + " " + next.pathAndQuery();
            if (!want.equals(got)) {
                wrong.add("expected " + want + ", got " + got);
            }
            if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                wrong.add(got + ": Authorization header is " + ex.getRequestHeaders().getFirst("Authorization"));
            }
            if (next.body() == null ? !body.isEmpty() : !sameJson(next.body(), body)) {
                wrong.add(got + ": body " + body + ", expected " + next.body());
            }
            if (next.body() != null && !"application/json".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
                wrong.add(got + ": Content-Type " + ex.getRequestHeaders().getFirst("Content-Type"));
            }
        }
        mismatches.addAll(wrong);
        int status = wrong.isEmpty() ? next.status() : 500;
        byte[] answer = (wrong.isEmpty() ? next.answer() : "{\"success\":false,\"errors\":[{\"code\":0,"
                + "\"message\":\"script mismatch\"}],\"messages\":[],\"result\":null}").getBytes(StandardCharsets.UTF_8);
        if (wrong.isEmpty()) {
            next.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        }
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, answer.length);
        ex.getResponseBody().write(answer);
        ex.close();
    }

    private static boolean sameJson(String expected, String actual) {
        try {
            return JSON.readTree(expected).equals(JSON.readTree(actual));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
