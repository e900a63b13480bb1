package dev.vigil.haproxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients hammering the balancer while a test changes things under it, each request on a new connection: one
 * thread on the app domain over HTTPS, one on the ping domain over plain HTTP. Ping requests come from 200
 * loopback source addresses in turn, so the per-source ping rate limit never answers them 429. Any answer but
 * 200 from a backend, and any I/O error, is a failed request.
 */
final class LoadGenerator implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    LoadGenerator(TestClient client, InetSocketAddress https, InetSocketAddress http) {
        threads.add(new Thread(() -> loop(() -> client.get(null, https,
                TestClient.Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/", Map.of()))));
        int[] next = {0};
        threads.add(new Thread(() -> loop(() -> client.get(source(next[0]++ % 200), http, null,
                TestFleet.PING_DOMAIN, "/ping/load", Map.of()))));
        threads.forEach(Thread::start);
    }

    private static InetAddress source(int i) {
        try {
            return InetAddress.getByName("127.0.1." + (1 + i));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Request {
        TestClient.Response send() throws Exception;
    }

    private void loop(Request request) {
        while (running.get()) {
            requests.incrementAndGet();
            try {
                TestClient.Response r = request.send();
                if (r.status() != 200) {
                    fail(r.status() + " " + r.body());
                } else {
                    served.computeIfAbsent(r.body().split(" ")[0] + " " + r.body().split(" ")[1],
                            k -> new AtomicLong()).incrementAndGet();
                }
            } catch (Exception e) {
                fail(e.toString());
            }
        }
    }

    private void fail(String why) {
        failures.incrementAndGet();
        if (firstFailures.size() < 10) {
            firstFailures.add(why);
        }
    }

    long requests() {
        return requests.get();
    }

    long failures() {
        return failures.get();
    }

    List<String> firstFailures() {
        return List.copyOf(firstFailures);
    }

    /** Requests answered by one listener, e.g. "main app1" or "ping app2". */
    long served(String listener) {
        AtomicLong n = served.get(listener);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            for (Thread t : threads) {
                t.join(20_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
