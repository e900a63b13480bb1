package dev.vigil.devdb;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The development mailbox over real SMTP on loopback: a message kept as .eml, its links printed. */
class DevMailboxIT {

    @TempDir
    Path dir;

    @Test
    void keepsEachMessageAndPrintsItsRecipientSubjectAndLinks() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (DevMailbox box = DevMailbox.start(InetAddress.getLoopbackAddress(), 0, dir.resolve("mail"),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", Integer.toString(box.port()));
            Session session = Session.getInstance(p);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("vigil@localhost"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("you@example.com"));
            m.setSubject("Finish signing up to Vigil");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Follow this link: http://localhost:8000/accounts/signup/abc123?x=1\nThanks.\n", "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<a href=\"http://localhost:8000/accounts/signup/abc123?x=1\">finish</a>",
                    "text/html; charset=UTF-8");
            m.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(m);

            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(out).startsWith("mailbox: to you@example.com: Finish signing up to Vigil (")
                    .contains("\n  http://localhost:8000/accounts/signup/abc123?x=1\n");
            assertThat(out.split("http://localhost:8000/accounts/signup/abc123")).as("a link once").hasSize(2);
            List<Path> kept;
            try (Stream<Path> files = Files.list(dir.resolve("mail"))) {
                kept = files.toList();
            }
            assertThat(kept).hasSize(1).first().satisfies(f -> {
                assertThat(f.getFileName().toString()).endsWith(".eml");
                assertThat(Files.readString(f)).contains("Subject: Finish signing up to Vigil");
            });
        }
    }

    @Test
    void aMessageOverTheLimitIsRefusedAndNotKept() throws Exception {
        try (DevMailbox box = DevMailbox.start(InetAddress.getLoopbackAddress(), 0, dir.resolve("big"),
                new PrintStream(OutputStream.nullOutputStream()))) {
            String reply = rawSmtp(box.port(), DevMailbox.MAX_MESSAGE_BYTES + 1024);
            assertThat(reply).as("SMTP reply to the end of data").startsWith("552");
            try (Stream<Path> files = Files.list(dir.resolve("big"))) {
                assertThat(files).isEmpty();
            }
        }
    }

    /** Sends a message of {@code size} bytes by hand and returns the server's reply to its end. */
    private static String rawSmtp(int port, int size) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            in.readLine();
            for (String c : new String[]{"HELO test", "MAIL FROM:<a@localhost>", "RCPT TO:<b@example.com>", "DATA"}) {
                out.write((c + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                in.readLine();
            }
            byte[] line = ("x".repeat(998) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < size; sent += line.length) {
                out.write(line);
            }
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return in.readLine();
        }
    }
}
