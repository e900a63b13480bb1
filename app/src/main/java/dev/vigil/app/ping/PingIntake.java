package dev.vigil.app.ping;

import dev.vigil.app.bodies.BodyStorage;
import dev.vigil.app.bodies.SpooledBody;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The last steps of taking a ping, the same for the servlet and the fast listener: a body above the object-storage
 * threshold is staged on local disk (written and synced, so this blocks: never call it on an event loop for such a
 * body), then the ping is queued for the group-commit writer, which answers later from its own thread.
 */
final class PingIntake {

    /** How long a queued ping may wait for its commit before it is answered 503 (and the client retries). */
    static final long ANSWER_TIMEOUT_MS = 60_000;

    private static final Logger LOG = Logger.getLogger(PingIntake.class.getName());
    private static final byte[] NO_BYTES = new byte[0];

    private final PingCommitter committer;
    private final BodyStorage bodies;

    PingIntake(PingCommitter committer, BodyStorage bodies) {
        this.committer = committer;
        this.bodies = bodies;
    }

    /** Whether {@link #submit} writes this body to disk first (and so blocks). */
    boolean stages(TruncatedBody body) {
        return bodies.offloads(body.keptLength());
    }

    /**
     * Queues a completely read ping; {@code reply} gets its result, later, on the writer's thread. False when it is
     * not queued (the writer's queue is full or stopping, or the body could not be staged): answer 503 at once.
     */
    boolean submit(PingTarget target, Instant received, PingClient client, TruncatedBody body,
            Consumer<PingResult> reply) {
        return submit(target, received, client, body, null, reply);
    }

    /** The same for an email ping, whose subject and text the keyword filter may read ({@code mail}). */
    boolean submit(PingTarget target, Instant received, PingClient client, TruncatedBody body, MailContent mail,
            Consumer<PingResult> reply) {
        byte[] kept = body.kept();
        SpooledBody spooled = null;
        if (bodies.offloads(kept.length)) {
            try {
                spooled = bodies.stage(kept); // synced to disk before the ping can be committed
                kept = NO_BYTES;
            } catch (IOException e) {
                LOG.warning("cannot spool a ping body; answering 503: " + e.getMessage());
                return false;
            }
        }
        PingRequest ping = new PingRequest(target.url(), target.signal(), target.create(), received, client.scheme(),
                client.remoteAddr(), client.userAgent(), kept, body.size(), spooled, mail);
        if (committer.submit(ping, reply)) {
            return true;
        }
        if (spooled != null) {
            bodies.discard(spooled);
        }
        return false;
    }
}
