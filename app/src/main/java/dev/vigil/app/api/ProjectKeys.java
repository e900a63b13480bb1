package dev.vigil.app.api;

import dev.vigil.app.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A project's API keys for its settings page: list (never the keys themselves, only their hashes are kept),
 * create (the key is returned this once), revoke.
 */
@ApplicationScoped
public class ProjectKeys {

    /** A key as its list shows it. */
    public record Key(long id, String label, boolean readOnly, Instant created) {
    }

    /** A key just made: its row and the key itself, to be shown once. */
    public record NewKey(Key key, String secret) {
    }

    @Inject
    Transactions tx;

    public List<Key> list(UUID project) {
        return tx.run(c -> new ProjectStore(c).keys(project));
    }

    public NewKey create(UUID project, boolean readOnly, String label) {
        String secret = ApiKeys.generate(readOnly);
        Key key = tx.run(c -> new ProjectStore(c).addKey(project, secret, readOnly, label));
        return new NewKey(key, secret);
    }

    /** Revokes the project's key of this id; false when the project has none such. */
    public boolean revoke(UUID project, long id) {
        return tx.run(c -> new ProjectStore(c).revokeKey(project, id));
    }
}
