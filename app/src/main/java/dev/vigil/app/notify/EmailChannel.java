package dev.vigil.app.notify;

import jakarta.json.JsonObject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Map;

/**
 * Email through the configured SMTP relay. Settings: {@code {"address": "ops@example.com"}}. The message has a
 * plain-text and an HTML part, the last ping's body, and List-Unsubscribe headers (one-click, RFC 8058).
 */
public final class EmailChannel implements Channel {

    @Override
    public String kind() {
        return "email";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        String address = r.required("address");
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (!address.contains("@") || parsed.getAddress().indexOf('@') <= 0) {
                throw r.invalid("address", "must be an email address such as ops@example.com");
            }
        } catch (AddressException e) {
            throw r.invalid("address", "is not a valid email address (" + e.getMessage() + ")");
        }
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        String to = new SettingsReader(channel.settings()).required("address");
        String unsubscribe = ListUnsubscribe.url(context.siteRoot(), channel.unsubscribeToken());
        Map<String, String> headers = ListUnsubscribe.headers(unsubscribe);
        headers.put("X-Vigil-Check", alert.checkId().toString());
        String subject = (alert.test() ? "[test] " : "") + alert.newStatus().toUpperCase(java.util.Locale.ROOT)
                + " | " + alert.title();
        return context.mail().send(new MailRelay.Mail(to, subject, text(alert, unsubscribe), html(alert, unsubscribe),
                headers));
    }

    static String text(Alert a, String unsubscribe) {
        StringBuilder b = new StringBuilder();
        b.append(a.headline()).append("\n\n").append(a.explanation()).append("\n\n");
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            b.append(f.label()).append(": ").append(f.value()).append('\n');
        }
        b.append("Details: ").append(a.checkUrl()).append("\n\n");
        if (a.lastPing() != null && a.lastPing().body() != null) {
            b.append("Body of the last ping:\n").append(a.lastPing().body()).append("\n\n");
        }
        b.append("--\nYou get this email because this address is a notification channel of the project \"")
                .append(a.projectName()).append("\" in Vigil. Unsubscribe: ").append(unsubscribe).append('\n');
        return b.toString();
    }

    static String html(Alert a, String unsubscribe) {
        String color = a.down() ? "#c0392b" : "#27ae60";
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<h2 style=\"color:").append(color).append("\">").append(Html.escape(a.headline()))
                .append("</h2><p>").append(Html.escape(a.explanation())).append("</p><table>");
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            b.append("<tr><th align=\"left\">").append(Html.escape(f.label())).append("</th><td>")
                    .append(Html.escape(f.value())).append("</td></tr>");
        }
        b.append("</table><p><a href=\"").append(Html.escape(a.checkUrl())).append("\">Details</a></p>");
        if (a.lastPing() != null && a.lastPing().body() != null) {
            b.append("<h3>Body of the last ping</h3><pre>").append(Html.escape(a.lastPing().body())).append("</pre>");
        }
        b.append("<hr><p style=\"font-size:small\">You get this email because this address is a notification "
                + "channel of the project \"").append(Html.escape(a.projectName()))
                .append("\" in Vigil. <a href=\"").append(Html.escape(unsubscribe)).append("\">Unsubscribe</a></p>")
                .append("</body></html>");
        return b.toString();
    }
}
