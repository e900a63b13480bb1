package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * A Discord channel webhook ({@code {"url": "https://discord.com/api/webhooks/<id>/<token>"}}): Discord's
 * "Execute Webhook" payload with one embed (title linking to the check, colour, fields). Mentions are switched off
 * so that a check named "@everyone" pings nobody.
 */
public final class DiscordChannel extends JsonPostChannel {

    @Override
    public String kind() {
        return "discord";
    }

    @Override
    protected JsonObject payload(Alert a) {
        JsonArrayBuilder fields = JsonBuilders.array();
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            fields.add(JsonBuilders.object().add("name", f.label()).add("value", f.value()).add("inline", false));
        }
        return JsonBuilders.object()
                .add("content", a.headline())
                .add("allowed_mentions", JsonBuilders.object().add("parse", JsonBuilders.array()))
                .add("embeds", JsonBuilders.array().add(JsonBuilders.object()
                        .add("title", a.headline())
                        .add("url", a.checkUrl())
                        .add("description", a.explanation())
                        .add("color", a.down() ? 0xC0392B : 0x27AE60)
                        .add("fields", fields)))
                .build();
    }
}
