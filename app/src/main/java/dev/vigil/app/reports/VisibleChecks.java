package dev.vigil.app.reports;

import dev.vigil.app.checks.CheckStateRows;

/**
 * The SQL of the checks a user's reports and reminders cover: those of every project the user owns or is a member
 * of, with their state columns (so that the status is {@code StatusNow}'s), name and project.
 */
final class VisibleChecks {

    private VisibleChecks() {
    }

    /** The ids of the projects {@code user} (an SQL expression: a column, or {@code ?}) owns or is a member of. */
    static String projectsOf(String user) {
        return "(SELECT id FROM projects WHERE owner_id = " + user + " UNION SELECT project_id FROM project_members "
                + "WHERE user_id = " + user + ")";
    }

    /** The checks of the user bound twice (both parameters), by project name, project, check name and id. */
    static final String OF_USER = "SELECT " + CheckStateRows.COLUMNS + ", name, project_id, (SELECT p.name FROM "
            + "projects p WHERE p.id = c.project_id) AS project_name FROM checks c WHERE c.project_id IN "
            + projectsOf("?") + " ORDER BY project_name, project_id, name, id";
}
