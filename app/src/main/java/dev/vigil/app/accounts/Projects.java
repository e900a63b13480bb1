package dev.vigil.app.accounts;

import dev.vigil.app.api.ApiKeys;
import dev.vigil.app.api.ProjectDeleter;
import dev.vigil.app.api.ProjectStore;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.app.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Projects as the pages make and keep them: create (the creator owns it), rename, delete with everything in it,
 * the ping key, and the switcher's list. The callers have checked the member's role ({@link ProjectRole}).
 */
@ApplicationScoped
public class Projects {

    public static final int MAX_NAME = 100;

    /** A project in the switcher: its name, the user's role and how many of its checks are down now. */
    public record Summary(UUID id, String name, ProjectRole role, int down) {
    }

    @Inject
    Accounts accounts;

    @Inject
    Transactions tx;

    @Inject
    ProjectDeleter deleter;

    private final ScheduleCache schedules = new ScheduleCache();

    /** A new project owned by the user; the project and the membership commit together, as at sign-up. */
    public UUID create(long userId, String nameInput) {
        String name = validName(nameInput);
        UUID project = UUID.randomUUID();
        accounts.inTransaction(em -> {
            try {
                new ProjectStore(em.unwrap(Connection.class)).insert(project, name, userId,
                        newPingKey(), ApiKeys.randomText(32));
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
            em.persist(new Membership(project, userId, ProjectRole.OWNER));
            return null;
        });
        return project;
    }

    public void rename(UUID project, String nameInput) {
        String name = validName(nameInput);
        tx.run(c -> {
            new ProjectRowStore(c).rename(project, name);
            return null;
        });
    }

    public Optional<String> name(UUID project) {
        return tx.run(c -> new ProjectRowStore(c).name(project));
    }

    /** Deletes the project with everything in it ({@link ProjectDeleter#delete}), bodies in object storage after. */
    public void delete(UUID project) {
        List<UUID> checks = tx.run(c -> new ProjectRowStore(c).lock(project) ? deleter.delete(c, project)
                : List.<UUID>of());
        deleter.deleteStoredBodies(checks); // only once the rows are gone for good
    }

    /** Replaces the project's ping key: the old slug URLs stop working at once. */
    public String regeneratePingKey(UUID project) {
        String key = newPingKey();
        tx.run(c -> {
            new ProjectRowStore(c).setPingKey(project, key);
            return null;
        });
        return key;
    }

    public boolean showsSlugs(UUID project) {
        return tx.run(c -> new ProjectRowStore(c).showsSlugs(project));
    }

    public void setShowSlugs(UUID project, boolean slugs) {
        tx.run(c -> {
            new ProjectRowStore(c).setShowSlugs(project, slugs);
            return null;
        });
    }

    /** The user's projects, oldest first, each with its count of down checks (two queries, whatever the count). */
    public List<Summary> of(long userId) {
        return tx.run(c -> {
            ProjectRowStore store = new ProjectRowStore(c);
            Map<UUID, Integer> down = store.downCounts(userId, schedules, Instant.now());
            return store.of(userId).stream()
                    .map(r -> new Summary(r.id(), r.name(), r.role(), down.getOrDefault(r.id(), 0))).toList();
        });
    }

    private static String newPingKey() {
        return ApiKeys.randomText(22).toLowerCase(Locale.ROOT);
    }

    private static String validName(String input) {
        String name = input == null ? "" : input.strip();
        if (name.isEmpty()) {
            throw new AccountException("Please give the project a name.", false);
        }
        if (name.length() > MAX_NAME) {
            throw new AccountException("A project name may have at most " + MAX_NAME + " characters.", false);
        }
        return name;
    }
}
