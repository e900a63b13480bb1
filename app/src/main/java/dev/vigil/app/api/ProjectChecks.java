package dev.vigil.app.api;

import dev.vigil.app.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
            Optional<UUID> project = new ProjectStore(c).byBadgeKey(badgeKey);
            if (project.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(views(new CheckStore(c).list(project.get())));
        });
    }

    /** One check, by its own badge key. */
    public Optional<CheckView> checkByBadgeKey(UUID badgeKey) {
        return tx.run(c -> new CheckStore(c).findByBadgeKey(badgeKey).map(r -> views(List.of(r)).get(0)));
    }

    /**
     * The project's checks, when {@code key} is its read-only API key (what Healthchecks' metrics endpoint takes).
     * Empty for any other key.
     */
    public Optional<List<CheckView>> byReadOnlyKey(UUID project, String key) {
        return tx.run(c -> {
            if (!new ProjectStore(c).hasReadOnlyKey(project, key)) {
                return Optional.empty();
            }
            return Optional.of(views(new CheckStore(c).list(project)));
        });
    }

    /** The project's badge key and the tags its checks carry, for the badges list. */
    public record BadgeSource(String badgeKey, List<String> tags) {
    }

    public BadgeSource badgeSource(String apiKey) {
        return tx.run(c -> badgeSource(c, ApiAuth.authenticate(c, apiKey, false).projectId()));
    }

    /** The badges list of a project, for the web pages (which have checked the user's membership). */
    public BadgeSource badgeSourceOf(UUID project) {
        return tx.run(c -> badgeSource(c, project));
    }

    private static BadgeSource badgeSource(java.sql.Connection c, UUID project) throws java.sql.SQLException {
        String badgeKey = new ProjectStore(c).badgeKey(project);
        List<String> tags = new CheckStore(c).list(project).stream()
                .flatMap(r -> r.tagList().stream()).distinct().sorted().toList();
        return new BadgeSource(badgeKey, tags);
    }

    public List<ChannelRow> channels(String apiKey) {
        return tx.run(c -> new CheckStore(c).channels(ApiAuth.authenticate(c, apiKey, true).projectId()));
    }

    private static List<CheckView> views(List<CheckRow> rows) {
        Instant now = Instant.now();
        return rows.stream().map(r -> new CheckView(r, r.statusAt(now))).toList();
    }
}
