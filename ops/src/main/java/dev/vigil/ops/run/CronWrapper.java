package dev.vigil.ops.run;

import dev.vigil.backup.Sizes;
import dev.vigil.client.TailBuffer;
import dev.vigil.client.VigilCheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command under a Vigil check, for crontab lines: pings {@code /start}, runs the command with its
 * output passed through, then pings success or {@code /<exit status>} with the end of the output as the body.
 * A command that outlives its timeout has its whole process tree killed and the check gets {@code /fail}.
 * Pings that cannot be delivered are reported on stderr and never change the exit status.
 */
public final class CronWrapper {

    public static final int TIMED_OUT = 124;
    public static final int NOT_STARTED = 127;

    private final VigilCheck check;
    private final CronOptions options;

    public CronWrapper(VigilCheck check, CronOptions options) {
        this.check = check.withBodyLimit(options.bodyLimit());
        this.options = options;
    }

    public CronResult run(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command to run");
        }
        long t0 = System.nanoTime();
        check.start();
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            String message = "cannot start " + command.get(0) + ": " + e.getMessage();
            new PrintStream(options.stderr(), true, StandardCharsets.UTF_8).println(message);
            check.fail(message);
            return new CronResult(NOT_STARTED, false, elapsed(t0), message);
        }
        try {
            process.getOutputStream().close(); // a cron job reads no input
        } catch (IOException e) {
            // it exited already
        }
        TailBuffer output = new TailBuffer(options.bodyLimit());
        Thread out = output.drain(process.getInputStream(), options.stdout(), "wrapped-stdout");
        Thread err = output.drain(process.getErrorStream(), options.stderr(), "wrapped-stderr");

        boolean timedOut = !waitFor(process, options.timeout());
        if (timedOut) {
            killTree(process, options.killGrace());
        }
        // a daemonized grandchild may hold the pipes open: do not wait for it
        join(out);
        join(err);
        Duration duration = elapsed(t0);
        String tail = output.text();
        if (timedOut) {
            String note = "timed out after " + Sizes.duration(options.timeout()) + "; the process tree of "
                    + String.join(" ", command) + " was killed";
            new PrintStream(options.stderr(), true, StandardCharsets.UTF_8).println(note);
            check.fail(tail + (tail.isEmpty() || tail.endsWith("\n") ? "" : "\n") + note);
            return new CronResult(TIMED_OUT, true, duration, tail);
        }
        int status = process.exitValue();
        if (status == 0) {
            check.success(tail);
        } else {
            check.exitStatus(status, tail);
        }
        return new CronResult(status, false, duration, tail);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            if (timeout == null) {
                process.waitFor();
                return true;
            }
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * SIGTERM to the command and all its descendants (found before any of them dies, while they are still
     * linked), then SIGKILL to whatever is left after the grace period.
     */
    static void killTree(Process process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                break; // still alive at the deadline (or interrupted): SIGKILL below
            }
        }
        List<ProcessHandle> survivors = new ArrayList<>();
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.descendants().forEach(survivors::add); // children started during the grace period
                survivors.add(p);
            }
        }
        survivors.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
