package dev.vigil.app.lifecycle;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * What SIGTERM (and SIGINT) does: the health URL starts answering 503 so that load balancers stop sending new
 * work, requests keep being served, and once none has run for a quiet period (or the timeout passes) the process
 * exits and Payara stops. Without this, the JVM's shutdown hooks would tear the application down while requests
 * are still running.
 */
public final class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    private static volatile boolean draining;

    private GracefulShutdown() {
    }

    public static boolean draining() {
        return draining;
    }

    /** Replaces the JVM's default handling of TERM and INT with a drain, then a normal exit. */
    // sun.misc.Signal: the only way for Java code to act on SIGTERM before the shutdown hooks run
    public static void installSignalHandlers(Duration quietPeriod, Duration timeout) {
        sun.misc.SignalHandler handler = signal -> {
            if (draining) {
                return;
            }
            draining = true;
            Thread t = new Thread(() -> drainAndExit(signal.getName(), quietPeriod, timeout), "vigil-drain");
            t.setDaemon(false);
            t.start();
        };
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
    }

    private static void drainAndExit(String signal, Duration quietPeriod, Duration timeout) {
        LOG.info(() -> "SIG" + signal + " received: draining (health answers 503), waiting for requests to finish");
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long quiet = quietPeriod.toNanos();
        while (System.nanoTime() < deadline) {
            if (InFlightRequests.inFlight() == 0 && System.nanoTime() - InFlightRequests.lastEnded() >= quiet) {
                break;
            }
            // polling is fine here: it runs once, at shutdown, and keeps the request path free of locks
            LockSupport.parkNanos(10_000_000L);
        }
        int left = InFlightRequests.inFlight();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
            LOG.warning(left + " requests still running after " + ms + " ms; stopping anyway");
        } else {
            LOG.info(() -> "drained in " + ms + " ms; stopping");
        }
        System.exit(0);
    }
}
