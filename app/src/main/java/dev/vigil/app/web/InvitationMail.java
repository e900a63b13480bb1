package dev.vigil.app.web;

import dev.vigil.app.accounts.Invitations;
import dev.vigil.app.alerts.AlertConfig;
import dev.vigil.app.notify.Html;
import dev.vigil.app.notify.MailRelay;
import dev.vigil.app.notify.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.Optional;

/** The invitation email, sent through the mail relay the email channels use (configured once, by AlertConfig). */
@ApplicationScoped
public class InvitationMail {

    private volatile MailRelay relay;

    /** Sends the invitation's link; the relay's error when it did not take the message. */
    public Optional<String> send(Invitations.Made made, String projectName, String inviter, String siteRoot) {
        String link = siteRoot.replaceAll("/+$", "") + "/invitations/" + made.token() + "/";
        String subject = "Invitation to " + projectName + " on Vigil";
        String text = inviter + " invites you to the Vigil project \"" + projectName + "\" as "
                + made.role().label() + ".\n\nTo accept, open this link (it works once, within "
                + Invitations.LIFETIME.toDays() + " days):\n" + link + "\n";
        String html = "<p>" + Html.escape(inviter) + " invites you to the Vigil project <b>"
                + Html.escape(projectName) + "</b> as " + Html.escape(made.role().label()) + ".</p>"
                + "<p><a href=\"" + Html.escape(link) + "\">Accept the invitation</a> (the link works once, within "
                + Invitations.LIFETIME.toDays() + " days).</p>";
        SendResult r = relay().send(new MailRelay.Mail(made.email(), subject, text, html, Map.of()));
        if (r instanceof SendResult.Retry e) {
            return Optional.of(e.error());
        } else if (r instanceof SendResult.Failed e) {
            return Optional.of(e.error());
        } else if (r instanceof SendResult.Gone e) {
            return Optional.of(e.error());
        }
        return Optional.empty();
    }

    private MailRelay relay() {
        MailRelay r = relay;
        if (r == null) {
            r = new AlertConfig(ConfigProvider.getConfig()).channels().mail();
            relay = r;
        }
        return r;
    }
}
