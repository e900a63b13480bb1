package dev.vigil.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email pings through the real app's SMTP listener, spoken to over a plain socket as a mail server would: pings by
 * UUID and by ping key + slug, keyword filters on the subject and body, a foreign recipient refused at RCPT (no
 * relay), an unknown check refused at DATA, and a message over the size limit refused while the session goes on.
 */
class EmailPingIT {

    private static final String DOMAIN = SharedVigil.PING_EMAIL_DOMAIN;
    private static SharedVigil vigil;
    private static Fixtures db;
    private Fixtures.Project project;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
        db = new Fixtures(vigil.database);
    }

    @BeforeEach
    void newProject() throws SQLException {
        project = db.project();
    }

    /** One SMTP session: each command's whole reply (the last line of a multi-line one) comes back. */
    private static final class Smtp implements AutoCloseable {
        private final Socket socket = new Socket();
        private final BufferedReader in;
        private final OutputStream out;

        Smtp() throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", vigil.smtpPort), 5000);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            assertThat(reply()).startsWith("220");
            assertThat(command("EHLO client.example.net")).startsWith("250");
        }

        String reply() throws IOException {
            String line = in.readLine();
            assertThat(line).as("the server closed the connection").isNotNull();
            while (line.length() > 3 && line.charAt(3) == '-') {
                line = in.readLine();
            }
            return line;
        }

        String command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply();
        }

        /** MAIL, one RCPT per recipient (each must be accepted), DATA and the message: the reply to its end. */
        String send(String from, String message, String... to) throws IOException {
            assertThat(command("MAIL FROM:<" + from + ">")).startsWith("250");
            for (String r : to) {
                assertThat(command("RCPT TO:<" + r + ">")).startsWith("250");
            }
            assertThat(command("DATA")).startsWith("354");
            out.write(message.replace("\n", "\r\n").replace("\r\n.", "\r\n..").getBytes(StandardCharsets.UTF_8));
            return command("\r\n.");
        }

        @Override
        public void close() throws IOException {
            try {
                command("QUIT");
            } finally {
                socket.close();
            }
        }
    }

    private static String mail(String subject, String body) {
        return "From: Backup <backup@client.example.net>\nTo: ping\nSubject: " + subject + "\n\n" + body + "\n";
    }

    private static String pingColumn(UUID check, long n, String column) throws SQLException {
        return db.value("SELECT " + column + " FROM pings WHERE check_id = '" + check + "' AND n = " + n);
    }

    private static String checkColumn(UUID check, String column) throws SQLException {
        return db.value("SELECT " + column + " FROM checks WHERE id = '" + check + "'");
    }

    @Test
    void mailToACheckAddressIsASuccessPingWithTheMessageKept() throws Exception {
        UUID check = db.check(project, "mailed");
        try (Smtp smtp = new Smtp()) {
            assertThat(smtp.send("backup@client.example.net", mail("Nightly backup", "12 files copied"),
                    check + "@" + DOMAIN)).startsWith("250");
        }
        assertThat(pingColumn(check, 1, "kind")).isEqualTo("success");
        assertThat(pingColumn(check, 1, "scheme")).isEqualTo("email");
        assertThat(pingColumn(check, 1, "method")).isEmpty();
        assertThat(pingColumn(check, 1, "user_agent")).isEqualTo("Email from backup@client.example.net");
        assertThat(pingColumn(check, 1, "remote_addr")).isEqualTo("127.0.0.1");
        assertThat(pingColumn(check, 1, "convert_from(body, 'UTF8')"))
                .contains("Subject: Nightly backup").contains("12 files copied");
        assertThat(checkColumn(check, "status")).isEqualTo("up");
    }

    @Test
    void mailToPingKeyPlusSlugPingsThatCheckAndOneMessageMayPingSeveral() throws Exception {
        UUID bySlug = db.check(project, "db-dump");
        UUID byId = db.check(project, "other");
        try (Smtp smtp = new Smtp()) {
            assertThat(smtp.send("cron@client.example.net", mail("done", "ok"),
                    project.pingKey() + "+db-dump@" + DOMAIN.toUpperCase(), byId + "@" + DOMAIN)).startsWith("250");
        }
        assertThat(checkColumn(bySlug, "status")).isEqualTo("up");
        assertThat(checkColumn(byId, "status")).isEqualTo("up");
    }

    @Test
    void aFailureKeywordInTheSubjectFailsTheCheckAndNoKeywordIsIgnored() throws Exception {
        UUID check = db.check(project, "filtered", "filter_subject = true, success_kw = 'SUCCESS', "
                + "failure_kw = 'FAILED, ERROR'");
        String to = check + "@" + DOMAIN;
        try (Smtp smtp = new Smtp()) {
            assertThat(smtp.send("a@client.example.net", mail("Backup SUCCESS", "fine"), to)).startsWith("250");
            assertThat(checkColumn(check, "status")).isEqualTo("up");
            assertThat(smtp.send("a@client.example.net", mail("Backup FAILED", "disk full"), to)).startsWith("250");
            assertThat(checkColumn(check, "status")).isEqualTo("down");
            // the keyword is only in the body, and bodies are not filtered here: ignored
            assertThat(smtp.send("a@client.example.net", mail("Backup report", "SUCCESS"), to)).startsWith("250");
        }
        assertThat(db.value("SELECT string_agg(kind, ',' ORDER BY n) FROM pings WHERE check_id = '" + check + "'"))
                .isEqualTo("success,fail,ign");
        assertThat(checkColumn(check, "status")).isEqualTo("down");
    }

    @Test
    void bodyFilteringReadsTheHtmlPartAsText() throws Exception {
        UUID check = db.check(project, "html", "filter_body = true, filter_default_fail = true, "
                + "start_kw = 'Starting', success_kw = 'Completed'");
        String html = "Subject: report\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=xyz\n\n"
                + "--xyz\nContent-Type: text/plain\n\nsee the HTML part\n"
                + "--xyz\nContent-Type: text/html\n\n<p>Job <b>Compl</b>eted</p>\n--xyz--\n";
        try (Smtp smtp = new Smtp()) {
            assertThat(smtp.send("a@client.example.net", mail("x", "Starting job"), check + "@" + DOMAIN))
                    .startsWith("250");
            assertThat(smtp.send("a@client.example.net", html, check + "@" + DOMAIN)).startsWith("250");
            assertThat(smtp.send("a@client.example.net", mail("x", "nothing"), check + "@" + DOMAIN))
                    .startsWith("250");
        }
        assertThat(db.value("SELECT string_agg(kind, ',' ORDER BY n) FROM pings WHERE check_id = '" + check + "'"))
                .isEqualTo("start,success,fail");
    }

    @Test
    void anyOtherRecipientIsRefusedAtRcptSoNothingIsRelayed() throws Exception {
        UUID check = db.check(project, "relay");
        try (Smtp smtp = new Smtp()) {
            assertThat(smtp.command("MAIL FROM:<spammer@example.org>")).startsWith("250");
            String foreign = smtp.command("RCPT TO:<victim@example.com>");
            assertThat(foreign).startsWith("550 5.1.1").contains("relays nothing");
            assertThat(smtp.command("RCPT TO:<" + check + "@" + DOMAIN + ".evil.example>")).startsWith("550");
            assertThat(smtp.command("RCPT TO:<postmaster@" + DOMAIN + ">")).startsWith("550");
            assertThat(smtp.command("RCPT TO:<" + project.pingKey() + "+Upper@" + DOMAIN + ">")).startsWith("550");
            assertThat(smtp.command("DATA")).startsWith("503"); // no recipient was accepted
        }
        assertThat(db.count("SELECT count(*) FROM pings WHERE check_id = '" + check + "'")).isZero();
    }

    @Test
    void mailForNoCheckIsRefusedAtData() throws Exception {
        try (Smtp smtp = new Smtp()) {
            assertThat(smtp.command("MAIL FROM:<a@client.example.net>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + UUID.randomUUID() + "@" + DOMAIN + ">")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            assertThat(smtp.command(mail("x", "y") + "\r\n.")).startsWith("550");
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAndTheSessionGoesOn() throws Exception {
        UUID check = db.check(project, "big");
        String to = check + "@" + DOMAIN;
        try (Smtp smtp = new Smtp()) {
            // announced too big: refused at MAIL
            assertThat(smtp.command("MAIL FROM:<a@client.example.net> SIZE=" + (SharedVigil.EMAIL_PING_MAX_BYTES + 1)))
                    .startsWith("552");
            // not announced: read up to the limit, the rest dropped, refused at the end of DATA
            String huge = mail("huge", "z".repeat(70).concat("\n").repeat(4 * SharedVigil.EMAIL_PING_MAX_BYTES / 71));
            assertThat(smtp.send("a@client.example.net", huge, to)).startsWith("552").contains("too big");
            assertThat(db.count("SELECT count(*) FROM pings WHERE check_id = '" + check + "'")).isZero();
            // SubEtha SMTP keeps the refused transaction's sender until RSET, which mail servers send anyway
            assertThat(smtp.command("RSET")).startsWith("250");
            assertThat(smtp.send("a@client.example.net", mail("small", "ok"), to)).startsWith("250");
        }
        assertThat(db.count("SELECT count(*) FROM pings WHERE check_id = '" + check + "'")).isEqualTo(1);
    }
}
