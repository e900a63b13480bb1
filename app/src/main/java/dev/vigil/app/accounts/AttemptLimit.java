package dev.vigil.app.accounts;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code limit} counted events per key (an address, an email, a user) in a fixed window that starts at the
 * key's first event. The counting is {@link Attempts}'s, in the database; {@code scope} names the limit there and
 * must be unique to it.
 */
public record AttemptLimit(String scope, int limit, Duration window) {

    public AttemptLimit {
        Objects.requireNonNull(scope, "scope");
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs at least one event and a window: " + scope);
        }
    }
}
