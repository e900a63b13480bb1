package dev.vigil.app.ping;

import dev.vigil.app.bodies.SpooledBody;
import dev.vigil.app.checks.PingSignal;

import java.time.Instant;
import java.util.UUID;

/**
 * A ping waiting to be written: where it goes, what it says, and the request details that are stored with it.
 *
 * @param bodySize bytes the client sent; {@code body} holds at most the configured limit of them
 * @param spooled   the kept body when it goes to object storage (then {@code body} is empty), else null
 * @param mail      an email ping's subject and text, for the keyword filter; null for an HTTP ping
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
        long bodySize,
        SpooledBody spooled,
        MailContent mail) {

    public UUID checkId() {
        return url.checkId();
    }
}
