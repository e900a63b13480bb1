package dev.vigil.ops.run;

import java.time.Duration;

/**
 * How a wrapped command ended. {@code exitStatus} is the command's own; {@value CronWrapper#TIMED_OUT}
 * when it was killed for running too long (as {@code timeout(1)} does) and {@value CronWrapper#NOT_STARTED}
 * when it could not be started (as a shell does).
 */
public record CronResult(int exitStatus, boolean timedOut, Duration duration, String outputTail) {
}
