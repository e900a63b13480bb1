package dev.vigil.app.reports;

import dev.vigil.app.checks.CheckState;
import dev.vigil.app.checks.CheckStateRows;
import dev.vigil.app.checks.CheckStatus;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.app.checks.Status;
import dev.vigil.app.checks.StatusNow;
import dev.vigil.app.db.Columns;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of the reminders while checks are down (Healthchecks' "nag"): starting a user's clock when a check they
 * can see may be down, claiming due reminders by moving {@code next_nag} on in one statement, reading the down
 * checks and clearing the clock when nothing is down. Each statement commits on its own (autocommit): a claim is
 * committed before anything is sent.
 */
final class ReminderStore {

    private static final String PERIOD = "(CASE u.nag_period WHEN 'hourly' THEN interval '1 hour' "
            + "ELSE interval '1 day' END)";
    // a check that may be down: stored down, or past its stored alert time (never later than the real one, so no
    // down check is missed); StatusNow decides when the reminder is made
    private static final String SCHEDULE = "UPDATE users u SET next_nag = now() + " + PERIOD
            + " WHERE u.nag_period <> 'off' AND u.next_nag IS NULL AND EXISTS (SELECT 1 FROM checks c WHERE "
            + "c.project_id IN " + VisibleChecks.projectsOf("u.id") + " AND (c.status = 'down' OR c.alert_after <= now()))";
    private static final String CLAIM = "UPDATE users u SET next_nag = now() + " + PERIOD + " FROM (SELECT id "
            + "FROM users WHERE nag_period <> 'off' AND next_nag <= now() ORDER BY next_nag LIMIT ? "
            + "FOR UPDATE SKIP LOCKED) d WHERE u.id = d.id RETURNING u.id, u.email, u.nag_period, "
            + "u.unsubscribe_token, u.next_nag";
    private static final String WENT_DOWN = "SELECT check_id, max(created) AS since FROM flips WHERE "
            + "check_id = ANY(?) AND new_status = 'down' GROUP BY check_id";
    // only the claim that moved the clock to this value clears it: a newer one stays
    private static final String CLEAR = "UPDATE users SET next_nag = NULL WHERE id = ? AND next_nag = ?";

    /** A claimed reminder: whose, and the due time the claim moved the clock to. */
    record Claimed(long userId, String email, ReminderFrequency frequency, UUID unsubscribeToken,
            Timestamp nextNag) {
    }

    private final ScheduleCache schedules = new ScheduleCache();

    /** Starts the clock of users whose reminders are on and who can see a check that may be down. */
    void schedule(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SCHEDULE)) {
            st.executeUpdate();
        }
    }

    /** Claims up to {@code limit} due reminders, moving each one's clock a period on. */
    List<Claimed> claim(Connection c, int limit) throws SQLException {
        List<Claimed> due = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(CLAIM)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(new Claimed(rs.getLong("id"), rs.getString("email"),
                            ReminderFrequency.of(rs.getString("nag_period")).orElseThrow(),
                            Columns.uuid(rs, "unsubscribe_token"), rs.getTimestamp("next_nag")));
                }
            }
        }
        return due;
    }

    /** The checks the user can see that are down at {@code now} by {@link StatusNow}, by project and name. */
    List<Reminder.Line> down(Connection c, long userId, Instant now) throws SQLException {
        record Down(UUID id, String project, String name, boolean storedDown, Instant goingDown) {
        }
        List<Down> down = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(VisibleChecks.OF_USER)) {
            st.setLong(1, userId);
            st.setLong(2, userId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    CheckState state = CheckStateRows.read(rs, schedules);
                    StatusNow s = StatusNow.of(state, now);
                    if (s.status() == Status.DOWN) {
                        down.add(new Down(CheckStateRows.id(rs), rs.getString("project_name"), rs.getString("name"),
                                state.status() == CheckStatus.DOWN, s.goingDown()));
                    }
                }
            }
        }
        if (down.isEmpty()) {
            return List.of();
        }
        Map<UUID, Instant> wentDown = new HashMap<>();
        Array ids = c.createArrayOf("uuid", down.stream().map(Down::id).toArray());
        try (PreparedStatement st = c.prepareStatement(WENT_DOWN)) {
            st.setArray(1, ids);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    wentDown.put(Columns.uuid(rs, "check_id"), rs.getTimestamp("since").toInstant());
                }
            }
        }
        // stored down: since its last flip to down; not marked down yet: since the time the rule gives
        return down.stream()
                .map(d -> new Reminder.Line(d.id(), d.project(), d.name(),
                        d.storedDown() && wentDown.containsKey(d.id()) ? wentDown.get(d.id()) : d.goingDown()))
                .sorted(Comparator.comparing(Reminder.Line::project).thenComparing(Reminder.Line::name)
                        .thenComparing(Reminder.Line::checkId))
                .toList();
    }

    /** Stops the clock of a claimed reminder that found nothing down; false when a newer claim moved it since. */
    boolean clear(Connection c, Claimed claimed) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(CLEAR)) {
            st.setLong(1, claimed.userId());
            st.setTimestamp(2, claimed.nextNag());
            return st.executeUpdate() > 0;
        }
    }
}
