package dev.vigil.app.lifecycle;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being served, on every listener, and remembers when the last one ended, so that a shutdown can
 * wait until this server has gone quiet: a ping answered 200 must be committed, and one half-way must not be cut off
 * by SIGTERM. A request counts from its arrival until its answer is handed to the connection.
 */
public final class InFlightRequests {

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static volatile long lastEnded = System.nanoTime();

    private InFlightRequests() {
    }

    public static void began() {
        IN_FLIGHT.incrementAndGet();
    }

    /** Call exactly once per {@link #began()}. */
    public static void ended() {
        lastEnded = System.nanoTime();
        IN_FLIGHT.decrementAndGet();
    }

    public static int inFlight() {
        return IN_FLIGHT.get();
    }

    /** Nanoseconds (System.nanoTime) at which the last request ended. */
    public static long lastEnded() {
        return lastEnded;
    }
}
