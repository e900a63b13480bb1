package dev.vigil.app.accounts;

import dev.vigil.app.alerts.AlertConfig;
import dev.vigil.app.notify.ChannelContext;
import dev.vigil.app.notify.Html;
import dev.vigil.app.notify.MailRelay;
import dev.vigil.app.notify.SendResult;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The account emails (login links, password resets, sign-up and email-change links, the notice of a changed email),
 * through the alert emails' relay and site root. They go out on a thread of their own, so that a request for a
 * registered address answers as fast as one for an unknown address.
 */
@ApplicationScoped
public class AccountMail {

    private static final Logger LOG = Logger.getLogger(AccountMail.class.getName());

    private ChannelContext context;
    private ExecutorService sender;

    @PostConstruct
    void start() {
        context = new AlertConfig(ConfigProvider.getConfig()).channels();
        sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "account-mail");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }

    /** The public address of a page, e.g. {@code link("/accounts/reset/x/")}. */
    String link(String path) {
        return context.siteRoot() + path;
    }

    /** Queues a message whose text is {@code intro}, the link, and {@code outro}. */
    void send(String to, String subject, String intro, String link, String outro) {
        send(to, subject, intro, List.of(link), outro);
    }

    /** Queues a message whose text is {@code intro}, each link on a line of its own (maybe none), and {@code outro}. */
    void send(String to, String subject, String intro, List<String> links, String outro) {
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<p>").append(Html.escape(intro)).append("</p>\n");
        for (String link : links) {
            text.append(link).append("\n\n");
            html.append("<p><a href=\"").append(Html.escape(link)).append("\">").append(Html.escape(link))
                    .append("</a></p>\n");
        }
        text.append(outro).append("\n");
        html.append("<p>").append(Html.escape(outro)).append("</p>\n");
        MailRelay.Mail mail = new MailRelay.Mail(to, subject, text.toString(), html.toString(), Map.of());
        sender.execute(() -> {
            SendResult result = context.mail().send(mail);
            if (!(result instanceof SendResult.Sent)) {
                LOG.log(Level.WARNING, "account email \"{0}\" not sent: {1}", new Object[] {subject, result});
            }
        });
    }
}
