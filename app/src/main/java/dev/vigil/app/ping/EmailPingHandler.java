package dev.vigil.app.ping;

import dev.vigil.app.checks.PingKind;
import dev.vigil.app.checks.PingSignal;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One SMTP mail transaction of the email-ping listener: each recipient must be a ping address of the ping domain
 * ({@link EmailAddress}) or is refused at RCPT with 550; the message is read up to the size limit (a larger one is
 * refused with 552 once the rest of it has been read and dropped, never held); then it becomes one ping per
 * recipient through the same {@link PingIntake} as HTTP pings, and DATA is answered once they are committed. Like
 * Healthchecks: scheme {@code email}, no method, user agent {@code Email from <sender>}, the raw message as the body
 * (its first VIGIL_PING_BODY_LIMIT bytes, as for HTTP), and a success unless the check filters subjects or bodies.
 */
final class EmailPingHandler implements MessageHandler {

    static final String SCHEME = "email";
    private static final PingSignal SUCCESS = new PingSignal(PingKind.SUCCESS, null, "", null);

    private final PingIntake intake;
    private final EmailPingSettings settings;
    private final int bodyLimit;
    private final String peer;
    private final List<PingUrl> targets = new ArrayList<>();
    private String sender = "";

    EmailPingHandler(PingIntake intake, EmailPingSettings settings, int bodyLimit, String peer) {
        this.intake = intake;
        this.settings = settings;
        this.bodyLimit = bodyLimit;
        this.peer = peer;
    }

    @Override
    public void from(String from) {
        sender = from == null ? "" : from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        Optional<PingUrl> target = EmailAddress.target(recipient, settings.domain());
        if (target.isEmpty()) {
            throw new RejectException(550, "5.1.1 <" + recipient + ">: no such mailbox here: this server takes "
                    + "only pings, for <uuid>@" + settings.domain() + " or <ping key>+<slug>@" + settings.domain()
                    + ", and relays nothing");
        }
        targets.add(target.get());
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] message = data.readNBytes(settings.maxBytes() + 1); // never more than the limit (and one byte)
        if (message.length > settings.maxBytes()) {
            // read the rest to its end, through a small buffer, and drop it: the server would otherwise take the
            // remaining lines of the message for commands
            data.transferTo(OutputStream.nullOutputStream());
            throw new RejectException(552, "5.3.4 message too big: email pings take at most " + settings.maxBytes()
                    + " bytes");
        }
        MailContent content = MailText.of(message);
        String ua = "Email from " + sender;
        PingClient client = new PingClient(SCHEME, peer,
                ua.length() > PingClient.MAX_USER_AGENT ? ua.substring(0, PingClient.MAX_USER_AGENT) : ua);
        Instant received = Instant.now();
        List<CompletableFuture<PingResult>> results = new ArrayList<>();
        for (PingUrl url : targets) {
            TruncatedBody body = new TruncatedBody(bodyLimit, message.length);
            body.append(ByteBuffer.wrap(message));
            CompletableFuture<PingResult> result = new CompletableFuture<>();
            if (!intake.submit(new PingTarget(url, SUCCESS, false), received, client, body, content,
                    result::complete)) {
                result.complete(PingResult.UNAVAILABLE);
            }
            results.add(result);
        }
        boolean recorded = false;
        boolean unavailable = false;
        for (CompletableFuture<PingResult> r : results) {
            PingResult result = await(r);
            recorded |= result == PingResult.OK || result == PingResult.CREATED;
            unavailable |= result == PingResult.UNAVAILABLE;
        }
        if (recorded) {
            return null; // 250 Ok
        }
        if (unavailable) {
            throw new RejectException(451, "4.3.0 the ping could not be recorded now; try again later");
        }
        throw new RejectException(550, "5.1.1 no check has this address");
    }

    private static PingResult await(CompletableFuture<PingResult> result) {
        try {
            return result.get(PingIntake.ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PingResult.UNAVAILABLE;
        } catch (ExecutionException | TimeoutException e) {
            return PingResult.UNAVAILABLE;
        }
    }

    @Override
    public void done() {
        // nothing held between transactions
    }
}
