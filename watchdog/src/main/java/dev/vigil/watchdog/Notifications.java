package dev.vigil.watchdog;

/**
 * Where the watchdog tells people what it does: its own Vigil check (a heartbeat every round, {@code /fail} while
 * an alert stands, {@code /log} for each change) and an optional webhook. Delivery failures are reported in the
 * event log, never thrown: a dead webhook must not stop failover.
 */
public interface Notifications {

    /** End of a round with nothing wrong. */
    void heartbeat(String summary);

    /** End of a round while an alert stands. */
    void trouble(String summary);

    /** A record was removed or restored. */
    void changed(String message);

    /** A new alert. */
    void alert(String message);

    static Notifications none() {
        return new Notifications() {
            @Override
            public void heartbeat(String summary) {
            }

            @Override
            public void trouble(String summary) {
            }

            @Override
            public void changed(String message) {
            }

            @Override
            public void alert(String message) {
            }
        };
    }
}
