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

    static final String DEFAULT_PORT = "8001";
    static final long DEFAULT_TIMEOUT_MS = 30_000;

    static PingListenerSettings from(Config config) {
        return parse(config.getOptionalValue("vigil.ping.port", String.class).orElse(DEFAULT_PORT),
                config.getOptionalValue("vigil.ping.timeout.ms", Long.class).orElse(DEFAULT_TIMEOUT_MS));
    }

    static PingListenerSettings parse(String port, long timeoutMs) {
        if (timeoutMs < 1) {
            throw new IllegalArgumentException("VIGIL_PING_TIMEOUT_MS must be at least 1, not " + timeoutMs);
        }
        return new PingListenerSettings(port(port), Duration.ofMillis(timeoutMs));
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
