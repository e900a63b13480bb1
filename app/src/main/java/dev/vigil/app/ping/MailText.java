package dev.vigil.app.ping;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * What the keyword filter reads of an email, as Healthchecks reads it: the decoded subject, and the body as the
 * plain-text part followed by the HTML part turned into text. Parsed by Jakarta Mail; the HTML by jsoup. A message
 * that does not parse gives what could be read (an empty text rather than an error: the ping is still recorded).
 */
public final class MailText {

    private static final Session SESSION = Session.getInstance(new Properties());
    /** Nested multiparts deeper than this are not searched (a hostile message cannot make the parser recurse far). */
    private static final int MAX_DEPTH = 5;

    private MailText() {
    }

    public static MailContent of(byte[] message) {
        MimeMessage m;
        String subject = "";
        try {
            m = new MimeMessage(SESSION, new ByteArrayInputStream(message));
            String s = m.getSubject();
            subject = s == null ? "" : s;
        } catch (MessagingException e) {
            return new MailContent("", "");
        }
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        try {
            collect(m, plain, html, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            // a broken part: keep what was read before it
        }
        String text = plain.toString();
        if (html.length() > 0) {
            text = text.isEmpty() ? Jsoup.parse(html.toString()).text()
                    : text + "\n" + Jsoup.parse(html.toString()).text();
        }
        return new MailContent(subject, text);
    }

    /** The first text/plain and the first text/html part, not counting attachments. */
    private static void collect(Part part, StringBuilder plain, StringBuilder html, int depth)
            throws MessagingException, IOException {
        if (depth > MAX_DEPTH || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && plain.length() == 0) {
            plain.append(text(part));
        } else if (part.isMimeType("text/html") && html.length() == 0) {
            html.append(text(part));
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                collect(child, plain, html, depth + 1);
            }
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        return content instanceof String s ? s : "";
    }
}
