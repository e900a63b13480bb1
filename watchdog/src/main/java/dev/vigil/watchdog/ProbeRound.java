package dev.vigil.watchdog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Probes every target at once, so a round takes one probe timeout at most, not one per balancer. */
public final class ProbeRound implements AutoCloseable {

    private final Prober prober;
    private final List<Target> targets;
    private final ExecutorService pool;

    public ProbeRound(Prober prober, List<Target> targets) {
        this.prober = prober;
        this.targets = List.copyOf(targets);
        this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(targets.size(), 16)), r -> {
            Thread t = new Thread(r, "watchdog-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** Each target's result, in the targets' order. */
    public Map<Target, ProbeResult> run() {
        Map<Target, CompletableFuture<ProbeResult>> running = new LinkedHashMap<>();
        for (Target t : targets) {
            running.put(t, CompletableFuture.supplyAsync(() -> prober.probe(t), pool));
        }
        Map<Target, ProbeResult> results = new LinkedHashMap<>();
        running.forEach((t, f) -> results.put(t, f.join()));
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
