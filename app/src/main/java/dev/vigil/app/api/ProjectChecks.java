package dev.vigil.app.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access for the public views of a project (badges, Prometheus metrics), which are keyed by secrets of their
 * own, and for the project-wide API lists.
 */
@ApplicationScoped
public class ProjectChecks {

    @Inject
    Transactions tx;

    /** The project's checks with their current statuses, when {@code badgeKey} is a project's badge key. */
    public Optional<List<CheckView>> byBadgeKey(String badgeKey) {
        return tx.run(c -> {
            UUID project;
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM projects WHERE badge_key = ?")) {
                st.setString(1, badgeKey);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    project = rs.getObject(1, UUID.class);
                }
            }
            return Optional.of(views(new CheckStore(c).list(project)));
        });
    }

    /** One check, by its own badge key. */
    public Optional<CheckView> checkByBadgeKey(UUID badgeKey) {
        return tx.run(c -> {
            UUID id;
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM checks WHERE badge_key = ?")) {
                st.setObject(1, badgeKey);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getObject(1, UUID.class);
                }
            }
            return new CheckStore(c).find(id).map(r -> views(List.of(r)).get(0));
        });
    }

    /**
     * The project's checks, when {@code key} is its read-only API key (what Healthchecks' metrics endpoint takes).
     * Empty for any other key.
     */
    public Optional<List<CheckView>> byReadOnlyKey(UUID project, String key) {
        return tx.run(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT 1 FROM api_keys WHERE key_hash = ? AND project_id = ? AND read_only")) {
                st.setBytes(1, ApiKeys.hash(key));
                st.setObject(2, project);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(views(new CheckStore(c).list(project)));
        });
    }

    /** The project's badge key and the tags its checks carry, for the badges list. */
    public record BadgeSource(String badgeKey, List<String> tags) {
    }

    public BadgeSource badgeSource(String apiKey) {
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, apiKey, false);
            String badgeKey;
            try (PreparedStatement st = c.prepareStatement("SELECT badge_key FROM projects WHERE id = ?")) {
                st.setObject(1, caller.projectId());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    badgeKey = rs.getString(1);
                }
            }
            List<String> tags = new CheckStore(c).list(caller.projectId()).stream()
                    .flatMap(r -> r.tagList().stream()).distinct().sorted().toList();
            return new BadgeSource(badgeKey, tags);
        });
    }

    public List<ChannelRow> channels(String apiKey) {
        return tx.run(c -> new CheckStore(c).channels(ApiAuth.authenticate(c, apiKey, true).projectId()));
    }

    private static List<CheckView> views(List<CheckRow> rows) {
        Instant now = Instant.now();
        return rows.stream().map(r -> new CheckView(r, r.statusAt(now))).toList();
    }
}
