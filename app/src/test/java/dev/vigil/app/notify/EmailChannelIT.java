package dev.vigil.app.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The email channel against a real SMTP server (GreenMail) on loopback. */
class EmailChannelIT {

    private static GreenMail smtp;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Test
    void alertMailHasHeadersBothPartsAndTheLastPingsBody() throws Exception {
        ChannelContext context = new ChannelContext("https://vigil.example", null,
                new MailRelay(new MailRelay.Settings("127.0.0.1", smtp.getSmtp().getPort(), "", "", false,
                        "Vigil <alerts@vigil.example>", Duration.ofSeconds(5))), null);
        UUID token = UUID.fromString("00000000-0000-4000-8000-00000000abcd");
        Alert alert = new Alert(ChannelsIT.CHECK, "Nightly <backup>", "nightly-backup", "prod db", "Backups", "up",
                "down", "fail", ChannelsIT.DOWN.flipTime(), ChannelsIT.DOWN.now(),
                new Alert.LastPing(42, ChannelsIT.DOWN.flipTime(), "fail", 3, "10.0.0.7", "disk full <sda1>"),
                ChannelsIT.URL, false);
        ChannelConfig channel = new ChannelConfig(UUID.randomUUID(), "email", "",
                ChannelKinds.builtIn().validate("email", "{\"address\": \"ops@example.com\"}",
                        new AddressGuard(false)), token);

        assertThat(new EmailChannel().send(alert, channel, context)).isEqualTo(SendResult.sent());

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("DOWN | Nightly <backup>");
        assertThat(m.getFrom()[0].toString()).isEqualTo("Vigil <alerts@vigil.example>");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
        assertThat(m.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://vigil.example/unsubscribe/" + token + ">");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(text).isEqualTo("Nightly <backup> is DOWN\n\nThe job reported a failure.\n\n"
                + "Project: Backups\nTags: prod db\nStatus changed: 2026-03-29 01:30:00 UTC\n"
                + "Last ping: 2026-03-29 01:30:00 UTC (#42, fail, exit status 3 from 10.0.0.7)\n"
                + "Details: " + ChannelsIT.URL + "\n\nBody of the last ping:\ndisk full <sda1>\n\n"
                + "--\nYou get this email because this address is a notification channel of the project \"Backups\" "
                + "in Vigil. Unsubscribe: https://vigil.example/unsubscribe/" + token + "\n");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("<h2 style=\"color:#c0392b\">Nightly &lt;backup&gt; is DOWN</h2>")
                .contains("<pre>disk full &lt;sda1&gt;</pre>")
                .contains("<a href=\"" + ChannelsIT.URL + "\">Details</a>")
                .doesNotContain("<backup>");
    }

    @Test
    void anUnreachableRelayIsRetried() {
        MailRelay dead = new MailRelay(new MailRelay.Settings("127.0.0.1", 9, "", "", false, "a@b.example",
                Duration.ofSeconds(2)));
        SendResult r = dead.send(new MailRelay.Mail("ops@example.com", "s", "t", "<p>h</p>", java.util.Map.of()));
        assertThat(r).isInstanceOf(SendResult.Retry.class);
        assertThat(((SendResult.Retry) r).error()).startsWith("mail relay 127.0.0.1:9: ");
    }

    @Test
    void aRecipientTheRelayRejectsForGoodIsGone() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread relaySide = new Thread(() -> rejectRecipients(server), "rejecting-smtp");
            relaySide.start();
            MailRelay relay = new MailRelay(new MailRelay.Settings("127.0.0.1", server.getLocalPort(), "", "", false,
                    "a@b.example", Duration.ofSeconds(5)));
            SendResult r = relay.send(new MailRelay.Mail("nobody@example.com", "s", "t", "<p>h</p>",
                    java.util.Map.of()));
            assertThat(r).isInstanceOf(SendResult.Gone.class);
            assertThat(((SendResult.Gone) r).error()).contains("nobody@example.com");
            relaySide.join(5000);
        }
    }

    /** The relay's side of one SMTP session that refuses every recipient for good (550), as for a bounce. */
    private static void rejectRecipients(ServerSocket server) {
        try (Socket s = server.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII)) {
            s.setSoTimeout(5000);
            reply(out, "220 relay.example ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 relay.example");
                } else if (command.startsWith("MAIL FROM")) {
                    reply(out, "250 2.1.0 sender ok");
                } else if (command.startsWith("RCPT TO")) {
                    reply(out, "550 5.1.1 <nobody@example.com>: recipient address rejected: no such user");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    reply(out, "250 2.0.0 ok");
                } else {
                    reply(out, "502 5.5.2 command not implemented");
                }
            }
        } catch (IOException e) {
            // the client hung up; the assertions on its side tell what happened
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
