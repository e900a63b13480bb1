package dev.vigil.watchdog;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The watchdog's journal: one line per decision, with a UTC time stamp. Under systemd it lands in the journal;
 * alerts are marked so that they stand out. Never given a secret.
 */
public final class EventLog {

    private final PrintWriter out;
    private final Clock clock;

    public EventLog(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void info(String message) {
        line("", message);
    }

    public void alert(String message) {
        line("ALERT ", message);
    }

    private synchronized void line(String level, String message) {
        out.println(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " " + level + message);
        out.flush();
    }
}
