package dev.vigil.app.api;

import java.time.Instant;

/**
 * A flip told through one channel, with what became of its delivery: {@code state} pending, sent or failed, after
 * {@code attempts} tries, the last one's {@code error}. A channel deleted since has a null kind and name.
 */
public record NotificationEvent(Instant created, String channelKind, String channelName, String newStatus,
        String state, int attempts, String error) {
}
