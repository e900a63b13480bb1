package dev.vigil.watchdog;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one probe saw: the HTTP status (if the request got that far), the error otherwise, and how long it took.
 * Healthy means a 2xx answer.
 */
public record ProbeResult(OptionalInt status, Optional<String> error, Duration latency) {

    public static ProbeResult answered(int status, Duration latency) {
        return new ProbeResult(OptionalInt.of(status), Optional.empty(), latency);
    }

    public static ProbeResult failed(String error, Duration latency) {
        return new ProbeResult(OptionalInt.empty(), Optional.of(error), latency);
    }

    public boolean healthy() {
        return status.isPresent() && status.getAsInt() >= 200 && status.getAsInt() < 300;
    }

    /** The evidence logged with every decision, e.g. {@code HTTP 200 in 12 ms} or {@code connection refused ...}. */
    public String evidence() {
        String what = status.isPresent() ? "HTTP " + status.getAsInt() : error.orElse("no answer");
        return what + " in " + latency.toMillis() + " ms";
    }
}
