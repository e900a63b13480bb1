package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonObject;

/**
 * A Google Chat space's incoming webhook
 * ({@code {"url": "https://chat.googleapis.com/v1/spaces/<space>/messages?key=...&token=..."}}): a text message in Google Chat's own markup ({@code *bold*}, {@code <url|label>} links), the headline linking to
 * the check, then the explanation and the facts, one per line.
 */
public final class GoogleChatChannel extends JsonPostChannel {

    @Override
    public String kind() {
        return "googlechat";
    }

    @Override
    protected JsonObject payload(Alert a) {
        StringBuilder text = new StringBuilder()
                .append(a.down() ? "\uD83D\uDD34 " : "\uD83D\uDFE2 ")
                .append('*').append('<').append(a.checkUrl()).append('|').append(SlackChannel.slackEscape(a.title()))
                .append("> is ").append(a.down() ? "DOWN" : "UP").append(a.test() ? " (test)" : "").append('*')
                .append('\n').append(SlackChannel.slackEscape(a.explanation()));
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            text.append('\n').append(f.label()).append(": ").append(SlackChannel.slackEscape(f.value()));
        }
        return JsonBuilders.object().add("text", text.toString()).build();
    }
}
