package dev.vigil.ops.run;

import dev.vigil.client.VigilCheck;

import java.io.OutputStream;
import java.time.Duration;

/**
 * {@code timeout}: how long the command may run before its process tree is killed (null: no limit).
 * {@code bodyLimit}: how many bytes of the output's end go into the ping. {@code killGrace}: how long a
 * timed-out command has between SIGTERM and SIGKILL. The command's output is copied to {@code stdout} and
 * {@code stderr} as it comes, so cron's mail and logs still get it.
 */
public record CronOptions(Duration timeout, int bodyLimit, Duration killGrace, OutputStream stdout,
                          OutputStream stderr) {

    public CronOptions {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (bodyLimit < 0) {
            throw new IllegalArgumentException("bodyLimit must be >= 0");
        }
    }

    /** No timeout, 100 kB of output, 10 s to stop, output to this process's own stdout and stderr. */
    public static CronOptions defaults() {
        return new CronOptions(null, VigilCheck.DEFAULT_BODY_LIMIT, Duration.ofSeconds(10), System.out, System.err);
    }

    public CronOptions withTimeout(Duration t) {
        return new CronOptions(t, bodyLimit, killGrace, stdout, stderr);
    }

    public CronOptions withBodyLimit(int bytes) {
        return new CronOptions(timeout, bytes, killGrace, stdout, stderr);
    }

    public CronOptions withOutput(OutputStream out, OutputStream err) {
        return new CronOptions(timeout, bodyLimit, killGrace, out, err);
    }
}
