package dev.vigil.app.ping;

import dev.vigil.app.bodies.BodyStorage;
import dev.vigil.app.db.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.subethamail.smtp.server.SMTPServer;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Email pings: an SMTP listener (SubEtha SMTP) on a port of its own, off unless {@code VIGIL_EMAIL_PING_PORT} is set.
 * Mail to a ping address of {@code VIGIL_PING_EMAIL_DOMAIN} becomes a ping ({@link EmailPingHandler}); any other
 * recipient is refused at RCPT, so the listener is no relay. It starts once the schema is migrated and stops before
 * the application's beans do, so the writer is still there to answer the mail it has taken.
 */
@ApplicationScoped
public class EmailPingListener {

    private static final Logger LOG = Logger.getLogger(EmailPingListener.class.getName());
    /** Concurrent SMTP sessions; each holds at most one message of the size limit. */
    static final int MAX_CONNECTIONS = 32;
    /** Recipients per message: a ping each, so a message cannot fan out to many checks. */
    static final int MAX_RECIPIENTS = 10;
    /** A session that sends nothing for this long is closed. */
    static final int IDLE_TIMEOUT_MS = 60_000;

    @Inject
    PingSettings settings;

    @Inject
    PingCommitter committer;

    @Inject
    BodyStorage bodies;

    private SMTPServer server;

    void start(@Observes SchemaReady ready) {
        EmailPingSettings config = EmailPingSettings.from(ConfigProvider.getConfig());
        if (!config.enabled()) {
            LOG.info("email pings off (VIGIL_EMAIL_PING_PORT is not set)");
            return;
        }
        PingIntake intake = new PingIntake(committer, bodies);
        SMTPServer smtp = new SMTPServer.Builder()
                .port(config.port())
                .hostName(config.domain())
                .softwareName("Vigil email pings")
                .maxMessageSize(config.maxBytes())
                .maxRecipients(MAX_RECIPIENTS)
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(IDLE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .messageHandlerFactory(context -> new EmailPingHandler(intake, config, settings.bodyLimit(),
                        address(context.getRemoteAddress())))
                .build();
        try {
            smtp.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen for email pings on port " + config.port()
                    + " (VIGIL_EMAIL_PING_PORT): " + e.getMessage(), e);
        }
        server = smtp;
        LOG.info(() -> "email pings taken by SMTP on port " + config.port() + " for <uuid>@" + config.domain()
                + " and <ping key>+<slug>@" + config.domain() + " (messages up to " + config.maxBytes() + " bytes)");
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (server == null) {
            return;
        }
        server.stop();
        server = null;
        LOG.info("email ping listener stopped");
    }

    private static String address(SocketAddress peer) {
        return peer instanceof InetSocketAddress a && a.getAddress() != null ? a.getAddress().getHostAddress()
                : String.valueOf(peer);
    }
}
