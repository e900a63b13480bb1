package dev.vigil.app.it;

import dev.vigil.app.notify.MailRelay;
import dev.vigil.app.reports.ReminderJob;
import dev.vigil.app.reports.ReportJob;
import dev.vigil.testsupport.Await;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings page's email reports, the reminders while checks are down and the unsubscribe link of both, on the
 * shared app with its mail caught by GreenMail. The report and reminder jobs are the app's own classes, run here on
 * the app's database and mail relay (the app's worker runs them too, once a minute: a claim decides who sends).
 */
class EmailReportsIT {

    private static final String STILL_DOWN = "1 check still down";
    private static SharedVigil vigil;
    private static DataSource db;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
        db = vigil.database.dataSource();
    }

    private static MailRelay relay() {
        return new MailRelay(new MailRelay.Settings("127.0.0.1", vigil.mail.getSmtp().getPort(), "", "", false,
                "vigil@vigil.test", Duration.ofSeconds(10)));
    }

    private static String siteRoot() {
        return "http://127.0.0.1:" + vigil.app.port();
    }

    private static ReminderJob reminders() {
        return new ReminderJob(db, relay(), siteRoot());
    }

    /** One value of a query with parameters, as text; null when no row. */
    private static String value(String sql, Object... params) throws SQLException {
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void update(String sql, Object... params) throws SQLException {
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }

    private static HttpResponse<String> saveReports(WebUser u, String reports, String reminders) throws Exception {
        return u.submit("/accounts/settings/", "/accounts/settings/reports/",
                Map.of("reports", reports, "reminders", reminders));
    }

    private static String addCheck(WebUser u, String name) throws Exception {
        assertThat(u.submit(u.dashboard(), u.dashboard(), Map.of("name", name)).statusCode()).isEqualTo(303);
        return value("SELECT id FROM checks WHERE project_id = ? AND name = ?", u.project, name);
    }

    private static void ping(String check, String signal) throws Exception {
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + check + signal)).GET())
                .statusCode()).isEqualTo(200);
    }

    private static List<MimeMessage> reminderMails(String email) {
        return Mailbox.to(vigil, email).stream().filter(m -> Mailbox.subject(m).endsWith("still down")).toList();
    }

    @Test
    void theSettingsPageSavesHowOftenReportsAndRemindersCome() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        String page = u.get("/accounts/settings/").body();
        assertThat(page).contains("<h2 id=\"email-reports\">Email reports</h2>")
                .contains("<label for=\"reports\">Report by email</label>")
                .contains("<label for=\"reminders\">Reminders while any check is down</label>")
                .contains("<option value=\"monthly\" selected>").contains("<option value=\"off\" selected>");
        update("UPDATE users SET next_report = now() + interval '20 days' WHERE email = ?", u.email);

        HttpResponse<String> saved = saveReports(u, "weekly", "hourly");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/accounts/settings/?done=reports");
        assertThat(value("SELECT reports || ' ' || nag_period || ' ' || (next_report IS NULL) FROM users "
                + "WHERE email = ?", u.email)).as("a new frequency drops the old due time")
                .isEqualTo("weekly hourly true");
        String after = u.get("/accounts/settings/?done=reports").body();
        assertThat(after).contains("Your email reports and reminders are saved.")
                .contains("<option value=\"weekly\" selected>").contains("<option value=\"hourly\" selected>")
                .doesNotContain("<option value=\"monthly\" selected>");

        HttpResponse<String> bad = saveReports(u, "yearly", "daily");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Choose how often the report comes: off, daily, weekly or monthly.");
        HttpResponse<String> badReminder = saveReports(u, "daily", "<b>often</b>");
        assertThat(badReminder.statusCode()).isEqualTo(400);
        assertThat(badReminder.body()).contains("Choose the reminders while a check is down: off, every hour or "
                + "every day.").doesNotContain("<b>often");
        assertThat(u.post("/accounts/settings/reports/", Map.of("reports", "off", "reminders", "off"), Map.of())
                .statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(new WebUser(vigil, u.email).submit("/accounts/login/", "/accounts/settings/reports/",
                Map.of("reports", "off", "reminders", "off")).statusCode()).as("signed out").isEqualTo(303);
        assertThat(value("SELECT reports || ' ' || nag_period FROM users WHERE email = ?", u.email))
                .isEqualTo("weekly hourly");
    }

    @Test
    void aReminderListsOnlyTheDownChecksOncePerPeriodAndStopsWhenAllAreUp() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        assertThat(saveReports(u, "monthly", "hourly").statusCode()).isEqualTo(303);
        String down = addCheck(u, "db-backup");
        String up = addCheck(u, "web-probe");
        addCheck(u, "never-pinged");
        String paused = addCheck(u, "on-hold");
        WebUser stranger = WebUser.signedUp(vigil);
        ping(addCheck(stranger, "strangers-check"), "/fail");
        ping(up, "");
        ping(down, "/fail");
        String details = CheckDetailsIT.details(paused);
        assertThat(u.submit(details, details + "pause/", Map.of()).statusCode()).isEqualTo(303);

        // seen down: the clock starts, the first reminder comes a period later
        reminders().runOnce();
        Await.until(Duration.ofSeconds(90), () -> nextNag(u) != null, () -> "a reminder scheduled for " + u.email);
        assertThat(value("SELECT next_nag BETWEEN now() + interval '59 minutes' AND now() + interval '1 hour' "
                + "FROM users WHERE email = ?", u.email)).isEqualTo("t");
        assertThat(reminderMails(u.email)).isEmpty();

        // the hour is over: three jobs at once send one reminder
        update("UPDATE users SET next_nag = now() - interval '1 second' WHERE email = ?", u.email);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Callable<Integer> run = () -> reminders().runOnce();
        for (var f : pool.invokeAll(List.of(run, run, run))) {
            f.get();
        }
        pool.shutdown();
        MimeMessage m = Mailbox.await(vigil, u.email, STILL_DOWN::equals, "a reminder");
        String text = Mailbox.text(m).replace("\r\n", "\n");
        assertThat(text).startsWith("This check is still down in Vigil:\n\n  db-backup (project My Project): down "
                + "since ").contains(siteRoot() + "/checks/" + down + "/details/")
                .doesNotContain("web-probe").doesNotContain("never-pinged").doesNotContain("on-hold")
                .doesNotContain("strangers-check");
        String token = value("SELECT unsubscribe_token FROM users WHERE email = ?", u.email);
        assertThat(m.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + siteRoot() + "/unsubscribe/" + token + ">");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(reminders().runOnce()).as("the same period again").isZero();
        assertThat(reminderMails(u.email)).hasSize(1);
        assertThat(value("SELECT next_nag > now() + interval '59 minutes' FROM users WHERE email = ?", u.email))
                .isEqualTo("t");

        // everything up: the next due reminder finds nothing down, sends nothing and stops the clock
        ping(down, "");
        update("UPDATE users SET next_nag = now() - interval '1 second' WHERE email = ?", u.email);
        assertThat(reminders().runOnce()).isZero();
        Await.until(Duration.ofSeconds(90), () -> nextNag(u) == null, () -> "the clock stopped for " + u.email);
        assertThat(reminders().runOnce()).isZero();
        assertThat(nextNag(u)).isNull();
        assertThat(reminderMails(u.email)).hasSize(1);
    }

    @Test
    void theUnsubscribeLinkOfReportsAndRemindersAsksOnGetAndTurnsBothOffOnPost() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        assertThat(saveReports(u, "daily", "daily").statusCode()).isEqualTo(303);
        ping(addCheck(u, "nightly"), "");
        // a report due now, from the app's own report job: its link is the user's
        update("UPDATE users SET next_report = date_trunc('minute', now()) - interval '1 minute' WHERE email = ?",
                u.email);
        new ReportJob(db, relay(), siteRoot()).runOnce();
        MimeMessage report = Mailbox.await(vigil, u.email, s -> s.startsWith("Daily report: "), "a report");
        String token = value("SELECT unsubscribe_token FROM users WHERE email = ?", u.email);
        String link = siteRoot() + "/unsubscribe/" + token;
        assertThat(report.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + link + ">");
        assertThat(report.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mailbox.text(report)).contains("Unsubscribe from reports and reminders: " + link);

        HttpResponse<String> page = vigil.app.get("/unsubscribe/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stop Vigil's reports and reminders to this address?")
                .contains("<form method=\"post\">").contains("<button type=\"submit\">Unsubscribe</button>");
        assertThat(value("SELECT reports || ' ' || nag_period FROM users WHERE email = ?", u.email))
                .as("a GET changes nothing").isEqualTo("daily daily");

        // the page's button: a form posted without fields
        HttpResponse<String> button = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/unsubscribe/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(button.statusCode()).isEqualTo(200);
        assertThat(button.body()).contains("no more reports or reminders");
        assertThat(value("SELECT reports || ' ' || nag_period || ' ' || (next_report IS NULL) || ' ' || "
                + "(next_nag IS NULL) FROM users WHERE email = ?", u.email)).isEqualTo("off off true true");
        String settings = u.get("/accounts/settings/").body();
        assertThat(settings).contains("<option value=\"off\" selected>Off</option>").doesNotContain("daily\" selected");

        // on again, then the mail client's one-click unsubscribe (RFC 8058)
        assertThat(saveReports(u, "weekly", "hourly").statusCode()).isEqualTo(303);
        HttpResponse<String> oneClick = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/unsubscribe/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(value("SELECT reports || ' ' || nag_period FROM users WHERE email = ?", u.email))
                .isEqualTo("off off");
        assertThat(vigil.app.get("/unsubscribe/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void anEmailChangeGivesTheUnsubscribeLinkANewToken() throws Exception {
        WebUser u = WebUser.signedUp(vigil); // the sign-up has just proved the password: no re-authentication asked
        assertThat(saveReports(u, "daily", "daily").statusCode()).isEqualTo(303);
        String before = value("SELECT unsubscribe_token FROM users WHERE email = ?", u.email);
        String changed = "moved-" + java.util.UUID.randomUUID() + "@example.com";
        HttpResponse<String> asked = u.submit("/accounts/settings/", "/accounts/settings/email/",
                Map.of("email", changed));
        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/accounts/settings/?done=email");
        String link = WebUser.sitePath(vigil, Mailbox.tokenLink(Mailbox.await(vigil, changed,
                "Confirm your new Vigil email"::equals, "the email-change link"), "/accounts/email/"));
        assertThat(u.submit(link, link, Map.of()).statusCode()).isEqualTo(200);

        String after = value("SELECT unsubscribe_token FROM users WHERE email = ?", changed);
        assertThat(after).as("a new token with the new address").isNotNull().isNotEqualTo(before);
        // a report's link in the old address's mail no longer reaches the account
        assertThat(vigil.app.get("/unsubscribe/" + before).statusCode()).isEqualTo(404);
        HttpResponse<String> oneClick = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/unsubscribe/" + before))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(oneClick.statusCode()).isEqualTo(404);
        assertThat(value("SELECT reports || ' ' || nag_period FROM users WHERE email = ?", changed))
                .isEqualTo("daily daily");
        assertThat(vigil.app.get("/unsubscribe/" + after).statusCode()).as("the new token's link").isEqualTo(200);
    }

    private static String nextNag(WebUser u) {
        try {
            return value("SELECT next_nag FROM users WHERE email = ?", u.email);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
