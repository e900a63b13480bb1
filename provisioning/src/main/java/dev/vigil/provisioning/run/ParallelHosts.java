package dev.vigil.provisioning.run;

import dev.vigil.provisioning.remote.RemoteCommandException;
import dev.vigil.provisioning.remote.RemoteHost;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one job per host with at most {@code parallel} hosts at a time. Each host's report is handed to
 * {@code onDone} as soon as that host finishes (one host's output stays together); one host failing never stops
 * the others. Reports come back in the order of {@code hosts}.
 */
public final class ParallelHosts {

    private ParallelHosts() {
    }

    public static List<HostReport> run(List<? extends RemoteHost> hosts, int parallel, HostJob job,
                                       Consumer<HostReport> onDone) {
        return map(hosts, parallel, job::run, (host, e) -> new HostReport(host.name(), List.of(),
                Optional.of(e.getMessage()), Duration.ZERO), onDone);
    }

    /**
     * The general form: {@code job} per host, {@code onError} turns a host's failure (unreachable, untrusted key,
     * a command that had to succeed) into its result.
     */
    public static <R> List<R> map(List<? extends RemoteHost> hosts, int parallel, Function<RemoteHost, R> job,
                                  BiFunction<RemoteHost, RuntimeException, R> onError, Consumer<R> onDone) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, hosts.size())), r -> {
            Thread t = new Thread(r, "host-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Map.Entry<Integer, R>> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < hosts.size(); i++) {
                RemoteHost h = hosts.get(i);
                int index = i;
                done.submit(() -> Map.entry(index, guarded(h, job, onError)));
            }
            Map<Integer, R> byIndex = new HashMap<>();
            for (int i = 0; i < hosts.size(); i++) {
                Map.Entry<Integer, R> r = done.take().get();
                byIndex.put(r.getKey(), r.getValue());
                onDone.accept(r.getValue());
            }
            List<R> ordered = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                ordered.add(byIndex.get(i));
            }
            return ordered;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R guarded(RemoteHost host, Function<RemoteHost, R> job,
                                 BiFunction<RemoteHost, RuntimeException, R> onError) {
        try {
            return job.apply(host);
        } catch (RemoteCommandException | IllegalStateException | IllegalArgumentException
                 | UncheckedIOException e) {
            return onError.apply(host, e);
        }
    }
}
