package dev.vigil.app.api;

import dev.vigil.app.holds.MaintenanceWindow;
import dev.vigil.app.holds.MaintenanceWindowRows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL behind the maintenance windows endpoints; runs on the caller's connection (and transaction). */
final class WindowStore {

    private static final String INSERT = "INSERT INTO maintenance_windows (id, project_id, scope, check_id, tag, "
            + "starts, ends, schedule, tz, duration_s, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection c;

    WindowStore(Connection c) {
        this.c = c;
    }

    /** Deletes the windows scoped to one check (its project's, when the check leaves that project). */
    void deleteForCheck(UUID check) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM maintenance_windows WHERE check_id = ?")) {
            st.setObject(1, check);
            st.executeUpdate();
        }
    }

    List<MaintenanceWindow> list(UUID project) throws SQLException {
        return query("SELECT " + MaintenanceWindowRows.COLUMNS + " FROM maintenance_windows WHERE project_id = ? "
                + "ORDER BY created, id", project);
    }

    /** The window, when it belongs to the project. */
    Optional<MaintenanceWindow> find(UUID project, UUID id) throws SQLException {
        return list(project).stream().filter(w -> w.id().equals(id)).findFirst();
    }

    void insert(UUID project, MaintenanceWindow w) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            st.setObject(1, w.id());
            st.setObject(2, project);
            st.setString(3, w.scope().word());
            st.setObject(4, w.scope() == MaintenanceWindow.Scope.CHECK ? UUID.fromString(w.target()) : null);
            st.setString(5, w.scope() == MaintenanceWindow.Scope.TAG ? w.target() : "");
            st.setTimestamp(6, w.start() == null ? null : Timestamp.from(w.start()));
            st.setTimestamp(7, w.end() == null ? null : Timestamp.from(w.end()));
            st.setString(8, w.recurring() ? w.schedule().text() : null);
            st.setString(9, w.recurring() ? w.zone().getId() : null);
            st.setObject(10, w.recurring() ? (int) w.duration().toSeconds() : null);
            st.setString(11, w.reason());
            st.executeUpdate();
        }
    }

    /**
     * Deletes the window; the alerts it held are looked at again at once (in the same transaction), so that checks
     * still down are told within a sender's round.
     */
    void delete(UUID project, UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM maintenance_windows WHERE id = ?")) {
            st.setObject(1, id);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE held_alerts h SET recheck_after = now() FROM checks c "
                + "WHERE c.id = h.check_id AND c.project_id = ? AND h.held_by = '{}' AND h.recheck_after > now()")) {
            st.setObject(1, project);
            st.executeUpdate();
        }
    }

    private List<MaintenanceWindow> query(String sql, UUID param) throws SQLException {
        List<MaintenanceWindow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(MaintenanceWindowRows.read(rs));
                }
            }
        }
        return out;
    }
}
