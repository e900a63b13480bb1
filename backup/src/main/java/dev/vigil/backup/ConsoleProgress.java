package dev.vigil.backup;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A {@link ProgressListener} for the command line: on a terminal one line rewritten in place, otherwise
 * (cron, logs) a plain line every {@code logInterval} and one at the end.
 */
public final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private final boolean terminal;
    private final Duration logInterval;
    private Duration lastLogged = Duration.ZERO;

    public ConsoleProgress(PrintStream out, boolean terminal, Duration logInterval) {
        this.out = out;
        this.terminal = terminal;
        this.logInterval = logInterval;
    }

    /** Terminal mode when the JVM has a console, else a log line every 30 seconds. */
    public static ConsoleProgress forStderr() {
        return new ConsoleProgress(System.err, System.console() != null, Duration.ofSeconds(30));
    }

    @Override
    public synchronized void onProgress(Progress p) {
        if (terminal) {
            out.print("\r\033[K" + p.describe());
            if (p.done()) {
                out.println();
            }
            out.flush();
        } else if (p.done() || p.elapsed().minus(lastLogged).compareTo(logInterval) >= 0) {
            lastLogged = p.elapsed();
            out.println(p.describe() + (p.done() ? " (done)" : ""));
        }
    }
}
