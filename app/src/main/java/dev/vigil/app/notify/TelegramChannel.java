package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;

/**
 * Telegram ({@code {"chat_id": "-1001234567890", "thread_id": 42}}; thread_id is optional), sent by the server's
 * bot (VIGIL_TELEGRAM_BOT_TOKEN) with the Bot API's sendMessage method, formatted in its HTML mode.
 */
public final class TelegramChannel implements Channel {

    @Override
    public String kind() {
        return "telegram";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        if (!r.required("chat_id").matches("-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32}")) {
            throw r.invalid("chat_id", "must be a numeric chat id or an @channelname");
        }
        r.integer("thread_id", 0, 0, Integer.MAX_VALUE);
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        ServiceEndpoints services = context.services();
        if (services.telegramBotToken().isEmpty()) {
            return new SendResult.Failed("Telegram is not set up on this server (VIGIL_TELEGRAM_BOT_TOKEN is empty)");
        }
        URI uri = URI.create(services.telegramApi() + "/bot" + services.telegramBotToken() + "/sendMessage");
        return context.http().send(uri, java.net.http.HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        payload(alert, new SettingsReader(channel.settings())).toString())),
                services.telegramApi() + "/bot.../sendMessage"); // the token stays out of error texts
    }

    static JsonObject payload(Alert a, SettingsReader r) {
        StringBuilder text = new StringBuilder();
        text.append(a.down() ? "\uD83D\uDD34 " : "\uD83D\uDFE2 ")
                .append("<a href=\"").append(Html.escape(a.checkUrl())).append("\">")
                .append(Html.escape(a.title())).append("</a> is <b>").append(a.down() ? "DOWN" : "UP").append("</b>")
                .append(a.test() ? " (test)" : "").append('\n').append(Html.escape(a.explanation()));
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            text.append('\n').append("<b>").append(Html.escape(f.label())).append(":</b> ")
                    .append(Html.escape(f.value()));
        }
        JsonObjectBuilder b = JsonBuilders.object()
                .add("chat_id", r.required("chat_id"))
                .add("text", text.toString())
                .add("parse_mode", "HTML")
                .add("link_preview_options", JsonBuilders.object().add("is_disabled", true));
        int thread = r.integer("thread_id", 0, 0, Integer.MAX_VALUE);
        if (thread > 0) {
            b.add("message_thread_id", thread);
        }
        return b.build();
    }
}
