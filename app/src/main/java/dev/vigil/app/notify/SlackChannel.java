package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * A Slack incoming webhook ({@code {"url": "https://hooks.slack.com/services/..."}}): a message with a coloured
 * attachment of the facts (Slack's documented "text" + "attachments" payload; the text doubles as the
 * notification preview). Mattermost and Rocket.Chat accept the same payload.
 */
public final class SlackChannel extends JsonPostChannel {

    @Override
    public String kind() {
        return "slack";
    }

    @Override
    protected JsonObject payload(Alert a) {
        return slackPayload(a);
    }

    /** Slack's incoming-webhook document, which Mattermost's incoming webhooks accept as it is. */
    static JsonObject slackPayload(Alert a) {
        JsonArrayBuilder fields = JsonBuilders.array();
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            fields.add(JsonBuilders.object().add("title", f.label()).add("value", f.value()).add("short", false));
        }
        String text = (a.down() ? ":red_circle: " : ":large_green_circle: ") + "<" + a.checkUrl() + "|"
                + slackEscape(a.title()) + "> is " + (a.down() ? "DOWN" : "UP") + (a.test() ? " (test)" : "");
        return JsonBuilders.object()
                .add("text", text)
                .add("attachments", JsonBuilders.array().add(JsonBuilders.object()
                        .add("color", a.down() ? "#c0392b" : "#27ae60")
                        .add("fallback", a.headline())
                        .add("text", a.explanation())
                        .add("fields", fields)))
                .build();
    }

    /** Slack's three control characters in message text. */
    static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
