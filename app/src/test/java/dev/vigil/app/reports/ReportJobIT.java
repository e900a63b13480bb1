package dev.vigil.app.reports;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.app.db.SchemaMigrator;
import dev.vigil.app.notify.MailRelay;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Periodic reports against a real PostgreSQL and a real SMTP server (GreenMail). */
class ReportJobIT {

    private static TestDatabase db;
    private static DataSource ds;
    private static GreenMail smtp;

    @BeforeAll
    static void start() {
        db = TestPostgres.server().createDatabase("reports");
        ds = db.dataSource();
        new SchemaMigrator(ds).migrate();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        db.close();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static String value(String query) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private ReportJob job() {
        return new ReportJob(ds, new MailRelay(new MailRelay.Settings("127.0.0.1", smtp.getSmtp().getPort(), "", "",
                false, "reports@vigil.example", Duration.ofSeconds(5))), "https://vigil.example");
    }

    @Test
    void aDueUserGetsOneReportWithDowntimeHowEverManyJobsRunAndIdleUsersGetNone() throws Exception {
        // the period to report: the day up to the last full minute
        sql("INSERT INTO users (email, reports, next_report) VALUES "
                + "('active@example.com', 'daily', date_trunc('minute', now()) - interval '1 minute'), "
                + "('idle@example.com', 'daily', date_trunc('minute', now()) - interval '1 minute'), "
                + "('later@example.com', 'weekly', now() + interval '1 day')");
        sql("INSERT INTO projects (id, name, owner_id, badge_key) SELECT gen_random_uuid(), 'P-' || split_part(email, "
                + "'@', 1), id, email FROM users");
        String active = "(SELECT p.id FROM projects p JOIN users u ON u.id = p.owner_id WHERE u.email = "
                + "'active@example.com')";
        sql("INSERT INTO checks (id, project_id, name, status, last_ping) VALUES "
                + "('00000000-0000-4000-8000-000000000001', " + active + ", 'backup', 'up', now() - interval '1 hour'),"
                + "('00000000-0000-4000-8000-000000000002', " + active + ", 'sync', 'down', now() - interval '3 days'),"
                // stored up, but a day and its hour of grace are over: down by the status rule
                + "('00000000-0000-4000-8000-000000000003', " + active + ", 'stale', 'up', now() - interval '2 days')");
        sql("INSERT INTO flips (check_id, created, old_status, new_status) SELECT "
                + "'00000000-0000-4000-8000-000000000001'::uuid, next_report - interval '20 hours', 'up', 'down' FROM users "
                + "WHERE email = 'active@example.com' UNION ALL SELECT '00000000-0000-4000-8000-000000000001', "
                + "next_report - interval '19 hours', 'down', 'up' FROM users WHERE email = 'active@example.com' "
                + "UNION ALL SELECT '00000000-0000-4000-8000-000000000002', next_report - interval '50 hours', 'up', "
                + "'down' FROM users WHERE email = 'active@example.com'");
        sql("INSERT INTO checks (id, project_id, name, status, last_ping) SELECT gen_random_uuid(), p.id, 'old', 'up', "
                + "now() - interval '7 months' FROM projects p JOIN users u ON u.id = p.owner_id "
                + "WHERE u.email = 'idle@example.com'");
        String periodEnd = value("SELECT next_report FROM users WHERE email = 'active@example.com'");

        ExecutorService pool = Executors.newFixedThreadPool(3);
        Callable<Integer> run = () -> job().runOnce();
        int sent = 0;
        for (Future<Integer> f : pool.invokeAll(java.util.List.of(run, run, run))) {
            sent += f.get();
        }
        pool.shutdown();

        assertThat(sent).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("active@example.com");
        assertThat(m.getSubject()).isEqualTo("Daily report: 3 checks, 2 down");
        Multipart parts = (Multipart) m.getContent();
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(text).contains("\nProject P-active:\n  backup: up, last ping ")
                .contains(", downtime 1 h 0 min\n  stale: down, last ping ")
                .contains(", downtime 1 d 0 h\n  sync: down, last ping ")
                .contains(", downtime 1 d 0 h\n");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("<td>1 h 0 min</td>").contains("<td>1 d 0 h</td>")
                .contains("href=\"https://vigil.example/checks/00000000-0000-4000-8000-000000000002/details/\"");

        // both due users moved on by a day; the idle one got nothing; a second run sends nothing
        assertThat(value("SELECT count(*) FROM users WHERE reports = 'daily' AND next_report = '" + periodEnd
                + "'::timestamptz + interval '1 day'")).isEqualTo("2");
        assertThat(job().runOnce()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }
}
