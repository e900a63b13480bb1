package dev.vigil.devdb;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bin/vigil's mailbox on a machine with no mail set up: an SMTP server on loopback (subethasmtp) that keeps every
 * message Vigil sends as a {@code .eml} file and prints its recipients, subject and links, so that a sign-up
 * link, a login link or an alert email can be followed from the terminal. It delivers nothing anywhere.
 */
public final class DevMailbox implements AutoCloseable {

    /** Vigil's mail is a few kilobytes; anything near this is not Vigil's. */
    static final int MAX_MESSAGE_BYTES = 10 << 20;
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')]+");

    private final SMTPServer server;
    private final Path dir;
    private final PrintStream out;
    private final AtomicInteger count = new AtomicInteger();

    private DevMailbox(InetAddress address, int port, Path dir, PrintStream out) {
        this.dir = dir;
        this.out = out;
        this.server = new SMTPServer.Builder().bindAddress(address).port(port).softwareName("Vigil dev mailbox")
                .maxMessageSize(MAX_MESSAGE_BYTES).messageHandlerFactory(this::handler).build();
    }

    /** A mailbox listening on {@code address}:{@code port} (0: any free port), keeping messages in {@code dir}. */
    public static DevMailbox start(InetAddress address, int port, Path dir, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        DevMailbox box = new DevMailbox(address, port, dir, out);
        box.server.start();
        return box;
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** {@code DevMailbox ADDRESS PORT DIR}: runs until it is stopped. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DevMailbox ADDRESS PORT DIR");
            System.exit(2);
        }
        DevMailbox box = start(InetAddress.getByName(args[0]), Integer.parseInt(args[1]), Path.of(args[2]),
                System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(box::close));
        System.out.println("mailbox: Vigil's mail is kept in " + args[2] + " (SMTP on " + args[0] + ":" + box.port()
                + "); its links are printed here");
        Thread.currentThread().join();
    }

    private MessageHandler handler(MessageContext context) {
        List<String> recipients = new ArrayList<>();
        return new MessageHandler() {
            @Override
            public void from(String from) {
                // any sender: only the app on this machine can reach a loopback listener
            }

            @Override
            public void recipient(String recipient) {
                recipients.add(recipient);
            }

            @Override
            public String data(InputStream data) throws RejectException, IOException {
                byte[] message = data.readNBytes(MAX_MESSAGE_BYTES + 1);
                if (message.length > MAX_MESSAGE_BYTES) {
                    throw new RejectException(552, "message larger than " + MAX_MESSAGE_BYTES + " bytes");
                }
                keep(recipients, message);
                return null;
            }

            @Override
            public void done() {
            }
        };
    }

    private void keep(List<String> recipients, byte[] message) throws IOException {
        Path file = dir.resolve(String.format("%d-%03d.eml", System.currentTimeMillis(), count.incrementAndGet()));
        Files.write(file, message);
        String subject;
        Set<String> links = new LinkedHashSet<>();
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
            subject = m.getSubject();
            collectLinks(m, links);
        } catch (MessagingException e) {
            subject = "(unreadable: " + e.getMessage() + ")";
        }
        StringBuilder b = new StringBuilder("mailbox: to ").append(String.join(", ", recipients)).append(": ")
                .append(subject).append(" (").append(file).append(")\n");
        links.forEach(l -> b.append("  ").append(l).append('\n'));
        synchronized (out) {
            out.print(b);
            out.flush();
        }
    }

    /** The links of every text/plain part (the HTML part repeats them). */
    private static void collectLinks(Part part, Set<String> links) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            Matcher m = LINK.matcher(String.valueOf(part.getContent()));
            while (m.find()) {
                links.add(m.group());
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collectLinks(mp.getBodyPart(i), links);
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
