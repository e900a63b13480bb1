package dev.vigil.app.ping;

import dev.vigil.app.db.Columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Creates a check on its first ping ({@code /ping/<key>/<slug>?create=1}), as Healthchecks does: named after the
 * slug, default schedule (a day, an hour of grace), attached to all of the project's channels. The owner's checks
 * may reach twice their limit this way, so that automation does not break at the exact limit.
 */
final class CheckCreator {

    private static final String PROJECT = "SELECT p.id, p.check_limit, "
            + "(SELECT count(*) FROM checks c JOIN projects q ON q.id = c.project_id WHERE q.owner_id = p.owner_id) "
            + "AS owned FROM projects p WHERE p.ping_key = ? FOR UPDATE";
    // under the project's lock: another writer or server may have created the check since the batch looked
    private static final String EXISTING = "SELECT id FROM checks WHERE project_id = ? AND slug = ? LIMIT 1";
    private static final String INSERT_CHECK = "INSERT INTO checks (id, project_id, name, slug) VALUES (?, ?, ?, ?)";
    private static final String ATTACH_CHANNELS = "INSERT INTO check_channels (check_id, channel_id) "
            + "SELECT ?, id FROM channels WHERE project_id = ?";

    /** The check a ping created, or found already created by a concurrent ping. */
    record Created(UUID id, boolean isNew) {
    }

    /** The check for the slug, made now if needed; null for an unknown ping key or an owner at twice the limit. */
    Created create(Connection c, String pingKey, String slug) throws SQLException {
        UUID project;
        try (PreparedStatement st = c.prepareStatement(PROJECT)) {
            st.setString(1, pingKey);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || rs.getLong("owned") >= 2L * rs.getInt("check_limit")) {
                    return null;
                }
                project = Columns.uuid(rs, "id");
            }
        }
        try (PreparedStatement st = c.prepareStatement(EXISTING)) {
            st.setObject(1, project);
            st.setString(2, slug);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    return new Created(Columns.uuid(rs, "id"), false);
                }
            }
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement st = c.prepareStatement(INSERT_CHECK)) {
            st.setObject(1, id);
            st.setObject(2, project);
            st.setString(3, slug);
            st.setString(4, slug);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(ATTACH_CHANNELS)) {
            st.setObject(1, id);
            st.setObject(2, project);
            st.executeUpdate();
        }
        return new Created(id, true);
    }
}
