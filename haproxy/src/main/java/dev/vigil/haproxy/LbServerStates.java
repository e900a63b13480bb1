package dev.vigil.haproxy;

import dev.vigil.table.TextTable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Status, drain and ready of one app server on every load balancer at once, through the runtime API (never the
 * configuration file). A drain waits until the server's current sessions are 0 on every balancer, in both
 * backends, or until a cap: draining that knows the connection counts instead of sleeping a fixed time.
 */
public final class LbServerStates {

    /** The backends every app server is in: the main port and the ping port. */
    public static final List<String> BACKENDS = List.of("app", "ping");
    private static final Duration POLL = Duration.ofMillis(100);

    private LbServerStates() {
    }

    /** What a drain achieved: {@code sessionsLeft} 0 means drained; else the cap passed with sessions open. */
    public record DrainResult(String server, Duration waited, int sessionsLeft) {
        public boolean drained() {
            return sessionsLeft == 0;
        }
    }

    /** A table of every server on every balancer: state and current sessions. */
    public static String table(List<? extends LoadBalancer> balancers) {
        Map<String, List<ServerStatus>> servers = new LinkedHashMap<>();
        for (LoadBalancer lb : balancers) {
            servers.put(lb.name(), lb.servers());
        }
        return table(servers);
    }

    /** The same table, of servers already read (by balancer name, in order). */
    public static String table(Map<String, List<ServerStatus>> servers) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("BALANCER", "BACKEND", "SERVER", "STATE", "SESSIONS"));
        servers.forEach((lb, list) -> {
            for (ServerStatus s : list) {
                if (BACKENDS.contains(s.backend())) {
                    rows.add(List.of(lb, s.backend(), s.server(), s.state(), Integer.toString(s.currentSessions())));
                }
            }
        });
        return TextTable.render(rows);
    }

    /**
     * Puts {@code server} in DRAIN in both backends on every balancer, then waits until none of them has a
     * session open to it, at most {@code cap}.
     */
    public static DrainResult drain(List<? extends LoadBalancer> balancers, String server, Duration cap) {
        requireKnown(balancers, server);
        long start = System.nanoTime();
        for (LoadBalancer lb : balancers) {
            for (String backend : BACKENDS) {
                lb.setState(backend, server, "drain");
            }
        }
        LongSupplier elapsed = () -> System.nanoTime() - start;
        int open = sessions(balancers, server);
        while (open > 0 && elapsed.getAsLong() < cap.toNanos()) {
            pause();
            open = sessions(balancers, server);
        }
        return new DrainResult(server, Duration.ofNanos(elapsed.getAsLong()), open);
    }

    /** Takes {@code server} back into rotation in both backends on every balancer. */
    public static void ready(List<? extends LoadBalancer> balancers, String server) {
        requireKnown(balancers, server);
        for (LoadBalancer lb : balancers) {
            for (String backend : BACKENDS) {
                lb.setState(backend, server, "ready");
            }
        }
    }

    private static int sessions(List<? extends LoadBalancer> balancers, String server) {
        int n = 0;
        for (LoadBalancer lb : balancers) {
            for (ServerStatus s : lb.servers()) {
                if (s.server().equals(server) && BACKENDS.contains(s.backend())) {
                    n += s.currentSessions();
                }
            }
        }
        return n;
    }

    private static void requireKnown(List<? extends LoadBalancer> balancers, String server) {
        for (LoadBalancer lb : balancers) {
            if (lb.servers().stream().noneMatch(s -> s.server().equals(server) && s.backend().equals("app"))) {
                throw new IllegalArgumentException(lb.name() + " has no app server named \"" + server + "\"");
            }
        }
    }

    /** The runtime API tells no one when a count reaches 0: a short, bounded poll is all there is to wait on. */
    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining", e);
        }
    }
}
