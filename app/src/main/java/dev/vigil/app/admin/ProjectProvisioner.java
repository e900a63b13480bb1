package dev.vigil.app.admin;

import dev.vigil.app.api.ApiKeys;
import dev.vigil.app.api.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.UUID;

/** Creates a user (or finds it by email) and a new project owned by it, with a ping key and both API keys. */
@ApplicationScoped
public class ProjectProvisioner {

    /** The new project's secrets: shown once, only their hashes are kept (the ping key is an identifier). */
    public record NewProject(UUID project, String pingKey, String apiKey, String apiKeyReadOnly) {
    }

    @Inject
    Transactions tx;

    public NewProject create(String email, String projectName) {
        return tx.run(c -> {
            long owner;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO users (email) VALUES (?) ON CONFLICT (email) "
                    + "DO UPDATE SET email = EXCLUDED.email RETURNING id")) {
                st.setString(1, email.toLowerCase(Locale.ROOT));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    owner = rs.getLong(1);
                }
            }
            NewProject p = new NewProject(UUID.randomUUID(), ApiKeys.randomText(22).toLowerCase(Locale.ROOT),
                    ApiKeys.generate(false), ApiKeys.generate(true));
            try (PreparedStatement st = c.prepareStatement("INSERT INTO projects (id, name, owner_id, ping_key, "
                    + "badge_key) VALUES (?, ?, ?, ?, ?)")) {
                st.setObject(1, p.project());
                st.setString(2, projectName);
                st.setLong(3, owner);
                st.setString(4, p.pingKey());
                st.setString(5, ApiKeys.randomText(32));
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO api_keys (project_id, key_hash, read_only, "
                    + "label) VALUES (?, ?, ?, 'bootstrap')")) {
                for (String key : new String[] {p.apiKey(), p.apiKeyReadOnly()}) {
                    st.setObject(1, p.project());
                    st.setBytes(2, ApiKeys.hash(key));
                    st.setBoolean(3, key == p.apiKeyReadOnly());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return p;
        });
    }
}
