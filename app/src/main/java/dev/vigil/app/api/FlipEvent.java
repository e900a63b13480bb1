package dev.vigil.app.api;

import java.time.Instant;

/** A change of a check's status, as the details page shows it; {@code reason} is '', 'fail' or 'timeout'. */
public record FlipEvent(Instant created, String oldStatus, String newStatus, String reason) {
}
