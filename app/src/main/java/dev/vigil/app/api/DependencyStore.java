package dev.vigil.app.api;

import dev.vigil.app.db.Columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL behind a check's {@code depends_on}; runs on the caller's connection (and transaction). */
final class DependencyStore {

    private final Connection c;

    DependencyStore(Connection c) {
        this.c = c;
    }

    /** Every check of the project that has dependencies, with them (sorted). */
    Map<UUID, List<UUID>> graph(UUID project) throws SQLException {
        Map<UUID, List<UUID>> graph = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT d.check_id, d.depends_on FROM check_dependencies d "
                + "JOIN checks c ON c.id = d.check_id WHERE c.project_id = ? ORDER BY 1, 2")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    graph.computeIfAbsent(Columns.uuid(rs, "check_id"), k -> new ArrayList<>())
                            .add(Columns.uuid(rs, "depends_on"));
                }
            }
        }
        return graph;
    }

    /** The check's dependencies (sorted). */
    List<UUID> of(UUID check) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT depends_on FROM check_dependencies WHERE check_id = ? ORDER BY 1")) {
            st.setObject(1, check);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(Columns.uuid(rs, "depends_on"));
                }
            }
        }
        return out;
    }

    /** Serialises changes of the project's graph, so that two edits cannot make a cycle between them. */
    void lockProject(UUID project) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM projects WHERE id = ? FOR UPDATE")) {
            st.setObject(1, project);
            st.executeQuery().close();
        }
    }

    /** Drops the check's dependencies both ways (a check leaving its project: they never cross projects). */
    void detach(UUID check) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "DELETE FROM check_dependencies WHERE check_id = ? OR depends_on = ?")) {
            st.setObject(1, check);
            st.setObject(2, check);
            st.executeUpdate();
        }
    }

    void set(UUID check, List<UUID> dependsOn) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM check_dependencies WHERE check_id = ?")) {
            st.setObject(1, check);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO check_dependencies (check_id, depends_on) VALUES (?, ?)")) {
            for (UUID d : dependsOn) {
                st.setObject(1, check);
                st.setObject(2, d);
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
