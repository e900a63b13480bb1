package dev.vigil.app.notify;

import jakarta.json.JsonObject;

import java.util.UUID;

/** One stored channel: its kind, its settings, and the token of its unsubscribe link (email). */
public record ChannelConfig(UUID id, String kind, String name, JsonObject settings, UUID unsubscribeToken) {
}
