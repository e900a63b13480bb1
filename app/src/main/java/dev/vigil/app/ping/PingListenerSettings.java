package dev.vigil.app.ping;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Locale;

/**
 * Settings of the fast ping listener (docs/configuration.md).
 *
 * @param port    the port, on all interfaces as the main HTTP port; 0 when the listener is off
 * @param timeout how long a request may stall, and a connection idle, before it is answered 408 or closed
 */
record PingListenerSettings(int port, Duration timeout) {

    /**
     * The main port when nothing says otherwise; the launcher always tells the real one ({@code vigil.port}, from
     * {@code VIGIL_PORT} or its {@code --port}).
     */
    static final int DEFAULT_MAIN_PORT = 8000;
    static final long DEFAULT_TIMEOUT_MS = 30_000;

    static PingListenerSettings from(Config config) {
        return parse(config.getOptionalValue("vigil.ping.port", String.class).orElse(null),
                config.getOptionalValue("vigil.port", String.class).orElse(Integer.toString(DEFAULT_MAIN_PORT)),
                config.getOptionalValue("vigil.ping.timeout.ms", Long.class).orElse(DEFAULT_TIMEOUT_MS));
    }

    /**
     * @param port     VIGIL_PING_PORT, or null when unset: then the main port + 1, so that a second Vigil on the
     *                 machine needs only another VIGIL_PORT (the inventory's default too)
     * @param mainPort the main HTTP port
     */
    static PingListenerSettings parse(String port, String mainPort, long timeoutMs) {
        if (timeoutMs < 1) {
            throw new IllegalArgumentException("VIGIL_PING_TIMEOUT_MS must be at least 1, not " + timeoutMs);
        }
        return new PingListenerSettings(port == null ? nextTo(mainPort) : port(port), Duration.ofMillis(timeoutMs));
    }

    private static int nextTo(String mainPort) {
        int next;
        try {
            next = Integer.parseInt(mainPort.strip()) + 1;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("VIGIL_PORT must be a port number from 1 to 65535, not \"" + mainPort
                    + "\"");
        }
        if (next < 2 || next > 65535) {
            throw new IllegalArgumentException("the fast ping listener's port is VIGIL_PORT + 1 unless VIGIL_PING_PORT "
                    + "is set, and " + next + " is no port: set VIGIL_PING_PORT (or off)");
        }
        return next;
    }

    boolean enabled() {
        return port != 0;
    }

    private static int port(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("off")) {
            return 0;
        }
        try {
            int port = Integer.parseInt(v);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("VIGIL_PING_PORT must be a port number from 1 to 65535, or 0 or off for "
                + "no fast ping listener, not \"" + value + "\"");
    }
}
