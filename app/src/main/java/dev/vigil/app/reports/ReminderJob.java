package dev.vigil.app.reports;

import dev.vigil.app.notify.MailRelay;
import dev.vigil.app.notify.SendResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the reminders that are due while checks are down (Healthchecks' "nag"). A user's clock starts a period after
 * a check they can see is seen down; each due reminder is claimed by moving the clock a period on, committed before
 * anything is sent, so whichever servers run the job, and however often, a period gets at most one reminder. A claimed
 * user with nothing down (by {@code StatusNow}) gets no email, and their clock stops until a check goes down again.
 */
public final class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class.getName());
    static final int BATCH = 20;

    private final DataSource dataSource;
    private final MailRelay mail;
    private final ReminderRenderer renderer;
    private final ReminderStore store = new ReminderStore();

    public ReminderJob(DataSource dataSource, MailRelay mail, String siteRoot) {
        this.dataSource = dataSource;
        this.mail = mail;
        this.renderer = new ReminderRenderer(siteRoot);
    }

    /** Sends the reminders due now (in rounds of {@value #BATCH} users); returns how many were sent. */
    public int runOnce() throws SQLException {
        int sent = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            store.schedule(c);
            while (true) {
                List<ReminderStore.Claimed> due = store.claim(c, BATCH);
                for (ReminderStore.Claimed claimed : due) {
                    sent += send(c, claimed) ? 1 : 0;
                }
                if (due.size() < BATCH) {
                    return sent;
                }
            }
        }
    }

    private boolean send(Connection c, ReminderStore.Claimed claimed) {
        try {
            Instant now = Instant.now();
            List<Reminder.Line> down = store.down(c, claimed.userId(), now);
            if (down.isEmpty()) {
                store.clear(c, claimed);
                return false;
            }
            Reminder r = new Reminder(claimed.userId(), claimed.email(), claimed.frequency(),
                    claimed.unsubscribeToken(), now, down);
            SendResult result = mail.send(renderer.render(r));
            if (!(result instanceof SendResult.Sent)) {
                LOG.warning(() -> "reminder for user " + r.userId() + " not sent: " + result);
                return false;
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "reminder for user " + claimed.userId() + " failed; this period is skipped", e);
            return false;
        }
    }
}
