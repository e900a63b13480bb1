package dev.vigil.app.accounts;

import dev.vigil.app.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * Counts the events an {@link AttemptLimit} bounds, in PostgreSQL ({@link AttemptStore}), so that every app server
 * behind the load balancers spends the same budget and a restart forgets nothing; a key is kept as its
 * {@link Accounts#hash}, as tokens are. Each call is its own short transaction: a count must stand even when the
 * work it guards fails.
 */
@ApplicationScoped
public class Attempts {

    @Inject
    Transactions tx;

    /** For CDI. */
    public Attempts() {
    }

    public Attempts(Transactions tx) {
        this.tx = tx;
    }

    /** Whether the key has used up its window at {@code now}. */
    public boolean blocked(AttemptLimit limit, String key, Instant now) {
        byte[] hashed = Accounts.hash(key);
        return tx.run(c -> new AttemptStore(c).countSince(limit.scope(), hashed, now.minus(limit.window())))
                >= limit.limit();
    }

    /** Counts one event for the key at {@code now}; a window that has passed starts again at one. */
    public void count(AttemptLimit limit, String key, Instant now) {
        byte[] hashed = Accounts.hash(key);
        Instant passed = now.minus(limit.window());
        tx.run(c -> {
            AttemptStore store = new AttemptStore(c);
            if (store.add(limit.scope(), hashed, now, passed) == 1) {
                store.forget(limit.scope(), passed); // a new window: each row is deleted once, by a later one
            }
            return null;
        });
    }
}
