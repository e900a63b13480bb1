package dev.vigil.app.reports;

import dev.vigil.app.checks.CheckStateRows;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.app.checks.StatusNow;
import dev.vigil.app.db.Columns;
import dev.vigil.app.notify.MailRelay;
import dev.vigil.app.notify.SendResult;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the periodic reports that are due. A user's report is claimed by moving their next_report on, in a
 * transaction committed before anything is sent: whichever servers run the job, and however often, a period is
 * reported at most once. Users whose checks have had no ping for six months get none (their period moves on). Each
 * check's status is the one rule's ({@code StatusNow}); its downtime is replayed from its flips.
 */
public final class ReportJob {

    private static final Logger LOG = Logger.getLogger(ReportJob.class.getName());
    static final int BATCH = 20;

    private static final String PERIOD = "(CASE u.reports WHEN 'daily' THEN interval '1 day' WHEN 'weekly' THEN "
            + "interval '7 days' ELSE interval '1 month' END)";
    private static final String NEXT_BOUNDARY = "(CASE u.reports WHEN 'daily' THEN date_trunc('day', now(), 'UTC') "
            + "WHEN 'weekly' THEN date_trunc('week', now(), 'UTC') ELSE date_trunc('month', now(), 'UTC') END + "
            + PERIOD + ")";
    private static final String SCHEDULE = "UPDATE users u SET next_report = " + NEXT_BOUNDARY
            + " WHERE next_report IS NULL AND reports <> 'off'";
    // periods missed while no server ran the job are skipped, not sent one after another
    private static final String CLAIM = "UPDATE users u SET next_report = greatest(d.period_end + " + PERIOD + ", "
            + NEXT_BOUNDARY + ") FROM (SELECT id, next_report AS period_end FROM users WHERE reports <> 'off' "
            + "AND next_report <= now() ORDER BY next_report LIMIT ? FOR UPDATE SKIP LOCKED) d WHERE u.id = d.id "
            + "RETURNING u.id, u.email, u.reports, u.unsubscribe_token, d.period_end - " + PERIOD + " AS period_start, "
            + "d.period_end";
    private static final String STATUS_BEFORE = "SELECT DISTINCT ON (check_id) check_id, new_status FROM flips "
            + "WHERE check_id = ANY(?) AND created < ? ORDER BY check_id, created DESC";
    private static final String FLIPS_SINCE = "SELECT check_id, created, old_status, new_status FROM flips "
            + "WHERE check_id = ANY(?) AND created >= ? ORDER BY check_id, created";

    private final DataSource dataSource;
    private final MailRelay mail;
    private final ReportRenderer renderer;
    private final ScheduleCache schedules = new ScheduleCache();

    public ReportJob(DataSource dataSource, MailRelay mail, String siteRoot) {
        this.dataSource = dataSource;
        this.mail = mail;
        this.renderer = new ReportRenderer(siteRoot);
    }

    /** Sends the reports due now (in rounds of {@value #BATCH} users); returns how many were sent. */
    public int runOnce() throws SQLException {
        int sent = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement st = c.prepareStatement(SCHEDULE)) {
                st.executeUpdate();
            }
            while (true) {
                List<Report> due = claim(c);
                for (Report r : due) {
                    sent += send(c, r) ? 1 : 0;
                }
                if (due.size() < BATCH) {
                    return sent;
                }
            }
        }
    }

    private List<Report> claim(Connection c) throws SQLException {
        List<Report> due = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(CLAIM)) {
            st.setInt(1, BATCH);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(new Report(rs.getLong("id"), rs.getString("email"), rs.getString("reports"),
                            rs.getTimestamp("period_start").toInstant(), rs.getTimestamp("period_end").toInstant(),
                            List.of(), Columns.uuid(rs, "unsubscribe_token")));
                }
            }
        }
        return due;
    }

    private boolean send(Connection c, Report claimed) {
        try {
            Report r = withChecks(c, claimed);
            if (r == null) {
                return false; // nothing pinged for six months
            }
            SendResult result = mail.send(renderer.render(r));
            if (!(result instanceof SendResult.Sent)) {
                LOG.warning(() -> "report for user " + r.userId() + " not sent: " + result);
                return false;
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "report for user " + claimed.userId() + " failed; this period is skipped", e);
            return false;
        }
    }

    /** The report with its checks, or null when the user's checks have had no ping for six months. */
    private Report withChecks(Connection c, Report r) throws SQLException {
        List<Report.Line> lines = new ArrayList<>();
        Instant latestPing = null;
        Instant now = Instant.now();
        try (PreparedStatement st = c.prepareStatement(VisibleChecks.OF_USER)) {
            st.setLong(1, r.userId());
            st.setLong(2, r.userId());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Instant last = instant(rs.getTimestamp("last_ping"));
                    if (last != null && (latestPing == null || last.isAfter(latestPing))) {
                        latestPing = last;
                    }
                    String status = StatusNow.of(CheckStateRows.read(rs, schedules), now).status().word();
                    lines.add(new Report.Line(CheckStateRows.id(rs), rs.getString("project_name"),
                            rs.getString("name"), status, last, Duration.ZERO));
                }
            }
        }
        if (latestPing == null || latestPing.isBefore(r.end().minus(Duration.ofDays(183)))) {
            return null;
        }
        Map<UUID, String> before = new HashMap<>();
        Map<UUID, List<Downtime.Flip>> since = new HashMap<>();
        Map<UUID, String> firstOld = new HashMap<>();
        Array ids = c.createArrayOf("uuid", lines.stream().map(Report.Line::checkId).toArray());
        try (PreparedStatement st = c.prepareStatement(STATUS_BEFORE)) {
            st.setArray(1, ids);
            st.setTimestamp(2, Timestamp.from(r.start()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    before.put(Columns.uuid(rs, "check_id"), rs.getString("new_status"));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement(FLIPS_SINCE)) {
            st.setArray(1, ids);
            st.setTimestamp(2, Timestamp.from(r.start()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID id = Columns.uuid(rs, "check_id");
                    firstOld.putIfAbsent(id, rs.getString("old_status"));
                    since.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new Downtime.Flip(rs.getTimestamp("created").toInstant(), rs.getString("new_status")));
                }
            }
        }
        List<Report.Line> withDowntime = new ArrayList<>(lines.size());
        for (Report.Line l : lines) {
            // the status at the start: from the last flip before it, else the first flip after it, else today's
            String atStart = before.getOrDefault(l.checkId(), firstOld.getOrDefault(l.checkId(), l.status()));
            withDowntime.add(new Report.Line(l.checkId(), l.project(), l.name(), l.status(), l.lastPing(),
                    Downtime.within(r.start(), r.end(), atStart, since.getOrDefault(l.checkId(), List.of()))));
        }
        return new Report(r.userId(), r.email(), r.period(), r.start(), r.end(), withDowntime,
                r.unsubscribeToken());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
