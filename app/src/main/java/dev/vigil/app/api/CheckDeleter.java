package dev.vigil.app.api;

import dev.vigil.app.bodies.BodyStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Deletes a check with everything recorded about it. Pings, flips, notifications and their delivery attempts have
 * no foreign key to the check (see the growth path in V1), so they are deleted here explicitly; ping bodies kept
 * elsewhere belong here too.
 */
@ApplicationScoped
public class CheckDeleter {

    @Inject
    BodyStorage storage;

    /** Deletes the check; the caller's transaction must hold the check's row lock so no ping lands meanwhile. */
    public void delete(Connection c, UUID check) throws SQLException {
        for (String sql : new String[] {"DELETE FROM pings WHERE check_id = ?", "DELETE FROM flips WHERE check_id = ?",
            "DELETE FROM notification_attempts WHERE check_id = ?", "DELETE FROM notifications WHERE check_id = ?",
            "DELETE FROM checks WHERE id = ?"}) {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setObject(1, check);
                st.executeUpdate();
            }
        }
    }

    /** After the deletion committed: removes the check's ping bodies from object storage, in the background. */
    public void deleteStoredBodies(UUID check) {
        storage.deleteCheckSoon(check);
    }
}
