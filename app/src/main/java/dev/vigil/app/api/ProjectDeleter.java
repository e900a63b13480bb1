package dev.vigil.app.api;

import dev.vigil.app.db.Columns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a user's account deletion does to the projects the user owns ({@code projects.owner_id}): a project with
 * another member of role owner passes to that member; any other is deleted ({@link #delete}).
 */
@ApplicationScoped
public class ProjectDeleter {

    @Inject
    CheckDeleter checks;

    /**
     * Hands over or deletes the user's projects in the caller's transaction; answers the deleted checks, whose
     * stored bodies go with {@link #deleteStoredBodies} once it committed.
     */
    public List<UUID> deleteOwnedBy(Connection c, long userId) throws SQLException {
        List<UUID> deletedChecks = new ArrayList<>();
        for (UUID project : uuids(c, "SELECT id FROM projects WHERE owner_id = ? ORDER BY id FOR UPDATE", userId)) {
            try (PreparedStatement st = c.prepareStatement("UPDATE projects SET owner_id = (SELECT min(user_id)"
                    + " FROM project_members WHERE project_id = ? AND role = 'owner' AND user_id <> ?)"
                    + " WHERE id = ? AND EXISTS (SELECT 1 FROM project_members WHERE project_id = ?"
                    + " AND role = 'owner' AND user_id <> ?)")) {
                st.setObject(1, project);
                st.setLong(2, userId);
                st.setObject(3, project);
                st.setObject(4, project);
                st.setLong(5, userId);
                if (st.executeUpdate() == 1) {
                    continue;
                }
            }
            deletedChecks.addAll(delete(c, project));
        }
        return deletedChecks;
    }

    /** After the deletion committed: the checks' ping bodies in object storage, in the background. */
    public void deleteStoredBodies(List<UUID> deletedChecks) {
        deletedChecks.forEach(checks::deleteStoredBodies);
    }

    /**
     * Deletes the project in the caller's transaction: each check through {@link CheckDeleter} (its pings, flips
     * and notifications), then the project's row, which takes its channels, keys, memberships, invitations and
     * maintenance windows with it (ON DELETE CASCADE). Answers the deleted checks, for {@link #deleteStoredBodies}
     * once the transaction committed. The one way a project is deleted: from its settings page and with its
     * owner's account.
     */
    public List<UUID> delete(Connection c, UUID project) throws SQLException {
        List<UUID> ids = uuids(c, "SELECT id FROM checks WHERE project_id = ? ORDER BY id FOR UPDATE", project);
        for (UUID check : ids) {
            checks.delete(c, check);
        }
        try (PreparedStatement st = c.prepareStatement("DELETE FROM projects WHERE id = ?")) {
            st.setObject(1, project);
            st.executeUpdate();
        }
        return ids;
    }

    private static List<UUID> uuids(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, parameter);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(Columns.uuid(rs, "id"));
                }
            }
            return out;
        }
    }
}
