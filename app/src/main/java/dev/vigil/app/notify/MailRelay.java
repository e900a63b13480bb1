package dev.vigil.app.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/** The SMTP relay email channels send through (typically a local MTA on the same host). */
public final class MailRelay {

    /**
     * @param password "" for a relay without authentication; never logged
     * @param starttls require STARTTLS before sending
     */
    public record Settings(String host, int port, String user, String password, boolean starttls, String from,
            Duration timeout) {

        @Override
        public String toString() {
            return "MailRelay.Settings[" + host + ":" + port + ", user " + user + ", from " + from + "]";
        }
    }

    /** A message with a plain-text and an HTML part. */
    public record Mail(String to, String subject, String text, String html, Map<String, String> headers) {
    }

    private final Settings settings;
    private final Session session;

    public MailRelay(Settings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        String ms = Long.toString(settings.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        boolean auth = !settings.user().isEmpty();
        p.put("mail.smtp.auth", Boolean.toString(auth));
        Authenticator authenticator = auth ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.user(), settings.password());
            }
        } : null;
        this.session = Session.getInstance(p, authenticator);
    }

    public String from() {
        return settings.from();
    }

    /**
     * Sends one message. A recipient the relay rejects for good (a 5xx answer to RCPT TO) is {@link SendResult.Gone};
     * a relay that cannot be reached or answers 4xx is {@link SendResult.Retry}.
     */
    public SendResult send(Mail mail) {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(settings.from()));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            m.setSubject(mail.subject(), "UTF-8");
            m.setSentDate(new Date());
            for (Map.Entry<String, String> h : mail.headers().entrySet()) {
                m.setHeader(h.getKey(), h.getValue());
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text); // the last part is the preferred one
            alternative.addBodyPart(html);
            m.setContent(alternative);
            Transport.send(m);
            return SendResult.sent();
        } catch (SendFailedException e) {
            String detail = deepest(e);
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0 && !detail.startsWith("4")) {
                return new SendResult.Gone("the mail relay rejected " + mail.to() + ": " + detail);
            }
            return new SendResult.Retry("the mail relay did not take the message: " + detail, null);
        } catch (MessagingException e) {
            return new SendResult.Retry("mail relay " + settings.host() + ":" + settings.port() + ": " + deepest(e),
                    null);
        }
    }

    private static String deepest(Exception e) {
        Throwable t = e;
        String message = String.valueOf(e.getMessage());
        while (t != null) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
            t = t instanceof MessagingException me && me.getNextException() != null ? me.getNextException()
                    : t.getCause() == t ? null : t.getCause();
        }
        return message.strip();
    }
}
