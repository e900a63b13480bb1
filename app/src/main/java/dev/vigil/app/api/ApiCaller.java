package dev.vigil.app.api;

import java.util.UUID;

/** Who is calling the API: the project an API key belongs to, and whether the key may only read. */
public record ApiCaller(UUID projectId, boolean readOnly) {
}
