package dev.vigil.app.accounts;

import dev.vigil.app.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Counts the events an {@link AttemptLimit} bounds, in PostgreSQL ({@link AttemptStore}), so that every app server
 * behind the load balancers spends the same budget and a restart forgets nothing. Each call is its own short
 * transaction: a count must stand even when the work it guards fails.
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
        return tx.run(c -> new AttemptStore(c).countSince(limit.scope(), hash(key), now.minus(limit.window())))
                >= limit.limit();
    }

    /** Counts one event for the key at {@code now}; a window that has passed starts again at one. */
    public void count(AttemptLimit limit, String key, Instant now) {
        tx.run(c -> {
            AttemptStore store = new AttemptStore(c);
            Instant passed = now.minus(limit.window());
            if (store.add(limit.scope(), hash(key), now, passed) == 1) {
                store.forget(limit.scope(), passed); // a new window: each row is deleted once, by a later one
            }
            return null;
        });
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
