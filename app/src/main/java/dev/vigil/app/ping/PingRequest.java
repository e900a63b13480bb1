package dev.vigil.app.ping;

import dev.vigil.app.checks.PingSignal;

import java.time.Instant;
import java.util.UUID;

/**
 * A ping waiting to be written: where it goes, what it says, and the request details that are stored with it.
 *
 * @param bodySize bytes the client sent; {@code body} holds at most the configured limit of them
 */
public record PingRequest(
        PingUrl url,
        PingSignal signal,
        boolean create,
        Instant received,
        String scheme,
        String remoteAddr,
        String userAgent,
        byte[] body,
        long bodySize) {

    public UUID checkId() {
        return url.checkId();
    }
}
