package dev.vigil.app.api;

import java.util.UUID;

/** A notification channel of a project, as the API lists it. */
public record ChannelRow(UUID id, String name, String kind) {
}
