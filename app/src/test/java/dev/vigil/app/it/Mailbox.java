package dev.vigil.app.it;

import com.icegreen.greenmail.util.GreenMail;
import dev.vigil.testsupport.Await;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app's mail as the real SMTP server (GreenMail) received it: by recipient, awaited, as text, and the links in it.
 * The shared app's server is {@link SharedVigil#mail}; an app of a test's own may have one too.
 */
final class Mailbox {

    private Mailbox() {
    }

    /** Every message to {@code address} (case-insensitive), oldest first. */
    static List<MimeMessage> to(SharedVigil vigil, String address) {
        return to(vigil.mail, address);
    }

    static List<MimeMessage> to(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The newest message to {@code address} whose subject passes {@code subject}, waiting up to 30 s for one. */
    static MimeMessage await(SharedVigil vigil, String address, Predicate<String> subject, String what) {
        return await(vigil.mail, address, subject, what);
    }

    static MimeMessage await(GreenMail mail, String address, Predicate<String> subject, String what) {
        Await.until(Duration.ofSeconds(30), () -> to(mail, address).stream().anyMatch(m -> subject.test(subject(m))),
                () -> what + " to " + address);
        return to(mail, address).stream().filter(m -> subject.test(subject(m))).reduce((a, b) -> b).orElseThrow();
    }

    /**
     * The whole address of the first link in the text part whose path is {@code pathPrefix} and a token (an
     * account email's link: a login, a reset, a sign-up, an email change).
     */
    static String tokenLink(MimeMessage m, String pathPrefix) {
        String text = text(m);
        Matcher link = Pattern.compile("https?://[^\\s/]+" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]{43}/")
                .matcher(text);
        if (!link.find()) {
            throw new AssertionError("no link to " + pathPrefix + "<token>/ in: " + text);
        }
        return link.group();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part: the first part of a multipart message, or the whole body of a plain one. */
    static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof Multipart parts ? (String) parts.getBodyPart(0).getContent() : (String) content;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
