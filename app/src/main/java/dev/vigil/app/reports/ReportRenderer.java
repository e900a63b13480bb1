package dev.vigil.app.reports;

import dev.vigil.app.notify.AlertFacts;
import dev.vigil.app.notify.Html;
import dev.vigil.app.notify.ListUnsubscribe;
import dev.vigil.app.notify.MailRelay;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A report as an email with a plain-text and an HTML part. Refuses to render a report without checks. */
public final class ReportRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String siteRoot;

    public ReportRenderer(String siteRoot) {
        this.siteRoot = siteRoot;
    }

    public MailRelay.Mail render(Report r) {
        if (r.checks().isEmpty()) {
            throw new IllegalStateException("a report for user " + r.userId() + " has no checks");
        }
        long down = r.checks().stream().filter(l -> "down".equals(l.status())).count();
        String period = r.period().substring(0, 1).toUpperCase(Locale.ROOT) + r.period().substring(1);
        String subject = period + " report: " + r.checks().size() + (r.checks().size() == 1 ? " check" : " checks")
                + (down > 0 ? ", " + down + " down" : ", all up");
        String range = DAY.format(r.start()) + " to " + DAY.format(r.end().minusSeconds(1)) + " (UTC)";
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        text.append("Vigil ").append(r.period()).append(" report, ").append(range).append("\n");
        html.append("<h2>Vigil ").append(r.period()).append(" report</h2><p>").append(Html.escape(range))
                .append("</p>");
        String project = null;
        for (Report.Line l : r.checks()) {
            if (!l.project().equals(project)) {
                project = l.project();
                text.append("\nProject ").append(project).append(":\n");
                html.append(project.equals(r.checks().get(0).project()) ? "" : "</table>")
                        .append("<h3>").append(Html.escape(project)).append("</h3><table cellpadding=\"4\">")
                        .append("<tr><th align=\"left\">Check</th><th align=\"left\">Status</th>")
                        .append("<th align=\"left\">Last ping</th><th align=\"left\">Downtime</th></tr>");
            }
            String name = l.name().isBlank() ? l.checkId().toString() : l.name();
            String last = l.lastPing() == null ? "never" : AlertFacts.time(l.lastPing());
            String downtime = Downtime.describe(l.downtime());
            text.append("  ").append(name).append(": ").append(l.status()).append(", last ping ").append(last)
                    .append(", downtime ").append(downtime).append('\n');
            html.append("<tr><td><a href=\"").append(Html.escape(siteRoot + "/checks/" + l.checkId() + "/details/"))
                    .append("\">").append(Html.escape(name)).append("</a></td><td>").append(Html.escape(l.status()))
                    .append("</td><td>").append(Html.escape(last)).append("</td><td>").append(downtime)
                    .append("</td></tr>");
        }
        String unsubscribe = ListUnsubscribe.url(siteRoot, r.unsubscribeToken());
        text.append("\n--\nYou get this report ").append(r.period()).append(". Change how often, or turn it off, in "
                + "your account settings: ").append(settingsUrl(siteRoot)).append("\nUnsubscribe from reports and "
                + "reminders: ").append(unsubscribe).append('\n');
        html.append("</table><hr><p style=\"font-size:small\">You get this report ").append(r.period())
                .append(". <a href=\"").append(Html.escape(settingsUrl(siteRoot))).append("\">Change how often</a>. "
                        + "<a href=\"").append(Html.escape(unsubscribe)).append("\">Unsubscribe from reports and "
                        + "reminders</a>.</p></body></html>");
        return new MailRelay.Mail(r.email(), subject, text.toString(), html.toString(),
                ListUnsubscribe.headers(unsubscribe));
    }

    /** The settings page's "Email reports" section, where reports and reminders are chosen. */
    static String settingsUrl(String siteRoot) {
        return siteRoot + "/accounts/settings/#email-reports";
    }
}
