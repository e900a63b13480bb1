package dev.vigil.app.notify;

import java.time.Duration;

/** How one delivery attempt ended. */
public sealed interface SendResult {

    /** Handed to the channel (the receiving service accepted it). */
    record Sent() implements SendResult {
    }

    /** A transient failure (network error, timeout, 5xx, 429): try again later, after {@code retryAfter} if given. */
    record Retry(String error, Duration retryAfter) implements SendResult {
    }

    /** A permanent failure: this notification is given up, the channel stays enabled. */
    record Failed(String error) implements SendResult {
    }

    /** The target is gone for good (410 Gone, a rejected address): the channel is disabled. */
    record Gone(String error) implements SendResult {
    }

    static SendResult sent() {
        return new Sent();
    }
}
