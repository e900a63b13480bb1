package dev.vigil.app.reports;

import dev.vigil.app.notify.AlertFacts;
import dev.vigil.app.notify.Html;
import dev.vigil.app.notify.ListUnsubscribe;
import dev.vigil.app.notify.MailRelay;

import java.time.Duration;

/**
 * A reminder as an email with a plain-text and an HTML part: "N checks still down", each down check with its project,
 * since when and a link to its details, and the one-click unsubscribe of reports and reminders. Refuses a reminder
 * without a down check.
 */
public final class ReminderRenderer {

    private final String siteRoot;

    public ReminderRenderer(String siteRoot) {
        this.siteRoot = siteRoot;
    }

    public MailRelay.Mail render(Reminder r) {
        if (r.down().isEmpty()) {
            throw new IllegalStateException("a reminder for user " + r.userId() + " has no down check");
        }
        int n = r.down().size();
        String subject = n + (n == 1 ? " check" : " checks") + " still down";
        String unsubscribe = ListUnsubscribe.url(siteRoot, r.unsubscribeToken());
        StringBuilder text = new StringBuilder(n == 1 ? "This check is" : "These checks are")
                .append(" still down in Vigil:\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<h2 style=\"color:#c0392b\">").append(Html.escape(subject)).append("</h2>")
                .append("<table cellpadding=\"4\"><tr><th align=\"left\">Check</th><th align=\"left\">Project</th>")
                .append("<th align=\"left\">Down since</th></tr>");
        for (Reminder.Line l : r.down()) {
            String name = l.name() == null || l.name().isBlank() ? l.checkId().toString() : l.name();
            String since = since(l, r);
            String details = siteRoot + "/checks/" + l.checkId() + "/details/";
            text.append("\n  ").append(name).append(" (project ").append(l.project()).append("): down since ")
                    .append(since).append("\n  ").append(details).append('\n');
            html.append("<tr><td><a href=\"").append(Html.escape(details)).append("\">").append(Html.escape(name))
                    .append("</a></td><td>").append(Html.escape(l.project())).append("</td><td>")
                    .append(Html.escape(since)).append("</td></tr>");
        }
        String how = r.frequency().inWords();
        String settings = ReportRenderer.settingsUrl(siteRoot);
        text.append("\n--\nYou get this reminder ").append(how).append(" while any of your checks is down. Change how "
                + "often, or turn it off, in your account settings: ").append(settings)
                .append("\nUnsubscribe from reports and reminders: ").append(unsubscribe).append('\n');
        html.append("</table><hr><p style=\"font-size:small\">You get this reminder ").append(how)
                .append(" while any of your checks is down. <a href=\"").append(Html.escape(settings))
                .append("\">Change how often</a>. <a href=\"").append(Html.escape(unsubscribe))
                .append("\">Unsubscribe from reports and reminders</a>.</p></body></html>");
        return new MailRelay.Mail(r.email(), subject, text.toString(), html.toString(),
                ListUnsubscribe.headers(unsubscribe));
    }

    /** "2026-12-04 01:00:00 UTC (3 h 5 min ago)", or "an unknown time". */
    private static String since(Reminder.Line l, Reminder r) {
        if (l.since() == null) {
            return "an unknown time";
        }
        Duration ago = Duration.between(l.since(), r.at());
        return AlertFacts.time(l.since()) + " (" + Downtime.describe(ago.isNegative() ? Duration.ZERO : ago)
                + " ago)";
    }
}
