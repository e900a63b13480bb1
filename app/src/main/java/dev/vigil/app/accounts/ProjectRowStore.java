package dev.vigil.app.accounts;

import dev.vigil.app.checks.CheckStateRows;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.app.checks.Status;
import dev.vigil.app.checks.StatusNow;
import dev.vigil.app.db.Columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of the project and team pages on the {@code projects} table (plain JDBC, as the API's
 * {@code ProjectStore}): names, locks, deletion, the owner column, and the switcher's lists. Runs on the caller's
 * connection (and transaction).
 */
final class ProjectRowStore {

    /** A project of the user's, with the user's role; {@code down} is filled by {@link #downCounts}. */
    record Row(UUID id, String name, ProjectRole role) {
    }

    private final Connection c;

    ProjectRowStore(Connection c) {
        this.c = c;
    }

    /** Locks the project's row until commit: team changes of one project happen one at a time. */
    boolean lock(UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM projects WHERE id = ? FOR UPDATE")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    Optional<String> name(UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT name FROM projects WHERE id = ?")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString("name")) : Optional.empty();
            }
        }
    }

    void rename(UUID project, String name) throws SQLException {
        update("UPDATE projects SET name = ? WHERE id = ?", name, project);
    }

    void setPingKey(UUID project, String pingKey) throws SQLException {
        update("UPDATE projects SET ping_key = ? WHERE id = ?", pingKey, project);
    }

    boolean showsSlugs(UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT show_slugs FROM projects WHERE id = ?")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean("show_slugs");
            }
        }
    }

    void setShowSlugs(UUID project, boolean slugs) throws SQLException {
        update("UPDATE projects SET show_slugs = ? WHERE id = ?", slugs, project);
    }

    void setOwner(UUID project, long userId) throws SQLException {
        update("UPDATE projects SET owner_id = ? WHERE id = ?", userId, project);
    }

    /**
     * Keeps {@code projects.owner_id} (whose check limit applies) on an owner: unchanged while it is one, else the
     * earliest remaining owner.
     */
    void keepOwnerColumn(UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE projects p SET owner_id = o.user_id FROM ("
                + "SELECT m.user_id FROM project_members m JOIN projects q ON q.id = m.project_id "
                + "WHERE m.project_id = ? AND m.role = ? ORDER BY (m.user_id = q.owner_id) DESC, m.user_id LIMIT 1"
                + ") o WHERE p.id = ? AND p.owner_id <> o.user_id")) {
            st.setObject(1, project);
            st.setString(2, ProjectRole.OWNER.stored());
            st.setObject(3, project);
            st.executeUpdate();
        }
    }

    /** The user's projects with the user's role in each, oldest first. */
    List<Row> of(long userId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT p.id, p.name, m.role FROM projects p "
                + "JOIN project_members m ON m.project_id = p.id WHERE m.user_id = ? ORDER BY p.created, p.id")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(Columns.uuid(rs, "id"), rs.getString("name"),
                            ProjectRole.ofStored(rs.getString("role"))));
                }
            }
        }
        return rows;
    }

    /**
     * How many checks are down now in each of the user's projects, in one query over all of them; "down" is the one
     * status rule's ({@link StatusNow}), applied to each check's state. A project without a down check is absent.
     */
    Map<UUID, Integer> downCounts(long userId, ScheduleCache schedules, Instant now) throws SQLException {
        Map<UUID, Integer> down = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT project_id, " + CheckStateRows.COLUMNS
                + " FROM checks WHERE project_id IN (SELECT project_id FROM project_members WHERE user_id = ?)")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (StatusNow.of(CheckStateRows.read(rs, schedules), now).status() == Status.DOWN) {
                        down.merge(Columns.uuid(rs, "project_id"), 1, Integer::sum);
                    }
                }
            }
        }
        return down;
    }

    private void update(String sql, Object value, UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, value);
            st.setObject(2, project);
            st.executeUpdate();
        }
    }
}
