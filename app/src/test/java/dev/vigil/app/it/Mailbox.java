package dev.vigil.app.it;

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

/** The shared app's mail as the real SMTP server (GreenMail) received it: by recipient, awaited, as text. */
final class Mailbox {

    private Mailbox() {
    }

    /** Every message to {@code address} (case-insensitive), oldest first. */
    static List<MimeMessage> to(SharedVigil vigil, String address) {
        return Arrays.stream(vigil.mail.getReceivedMessages()).filter(m -> {
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
        Await.until(Duration.ofSeconds(30), () -> to(vigil, address).stream().anyMatch(m -> subject.test(subject(m))),
                () -> what + " to " + address);
        return to(vigil, address).stream().filter(m -> subject.test(subject(m))).reduce((a, b) -> b).orElseThrow();
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
