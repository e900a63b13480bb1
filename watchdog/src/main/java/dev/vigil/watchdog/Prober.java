package dev.vigil.watchdog;

/** Checks one target the way a client would reach it. Never throws: a failure is a result. */
@FunctionalInterface
public interface Prober {
    ProbeResult probe(Target target);
}
