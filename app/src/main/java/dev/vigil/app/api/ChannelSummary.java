package dev.vigil.app.api;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel of a project as the integrations page lists it: its settings, its last delivery attempt of an alert
 * (from {@code notification_attempts}; null when it has sent none) and its last test notification (null when never
 * tested). Outcomes are the attempts' words: "sent", "retry", "failed", "disabled".
 */
public record ChannelSummary(UUID id, String name, String kind, JsonObject settings, boolean disabled,
        String disabledReason, Instant lastAttempt, String lastOutcome, String lastError, Instant lastTest,
        String lastTestOutcome, String lastTestError) {
}
