package dev.vigil.app.admin;

import dev.vigil.app.api.ApiKeys;
import dev.vigil.app.api.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.UUID;

/**
 * Creates a user (or finds it by email) and a project owned by it, with a ping key and both API keys; or, when that
 * user already owns a project of that name, finds it, so that running a bootstrap script twice makes one project.
 */
@ApplicationScoped
public class ProjectProvisioner {

    /**
     * The project and, when it was created now, its API keys: shown once, only their hashes are kept (the ping key
     * is an identifier). An existing project comes without keys.
     */
    public record NewProject(UUID project, String pingKey, String apiKey, String apiKeyReadOnly) {

        public boolean created() {
            return apiKey != null;
        }
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
            // the upsert holds the user's row until commit: a second bootstrap for the same email waits here
            try (PreparedStatement st = c.prepareStatement("SELECT id, ping_key FROM projects WHERE owner_id = ? "
                    + "AND name = ? ORDER BY created, id LIMIT 1")) {
                st.setLong(1, owner);
                st.setString(2, projectName);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return new NewProject(rs.getObject("id", UUID.class), rs.getString("ping_key"), null, null);
                    }
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
