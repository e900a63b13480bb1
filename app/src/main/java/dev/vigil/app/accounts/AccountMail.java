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

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The account emails (login links, password resets), through the alert emails' relay and site root. They go out on
 * a thread of their own, so that a request for a registered address answers as fast as one for an unknown address.
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
        String text = intro + "\n\n" + link + "\n\n" + outro + "\n";
        String html = "<p>" + Html.escape(intro) + "</p>\n<p><a href=\"" + Html.escape(link) + "\">"
                + Html.escape(link) + "</a></p>\n<p>" + Html.escape(outro) + "</p>\n";
        MailRelay.Mail mail = new MailRelay.Mail(to, subject, text, html, Map.of());
        sender.execute(() -> {
            SendResult result = context.mail().send(mail);
            if (!(result instanceof SendResult.Sent)) {
                LOG.log(Level.WARNING, "account email \"{0}\" not sent: {1}", new Object[] {subject, result});
            }
        });
    }
}
