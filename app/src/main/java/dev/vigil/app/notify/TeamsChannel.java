package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * A Microsoft Teams workflow webhook ({@code {"url": "https://....logic.azure.com/workflows/..."}}, made with the
 * "Post to a channel when a webhook request is received" workflow): a message with one Adaptive Card attachment,
 * the payload that workflow documents.
 */
public final class TeamsChannel extends JsonPostChannel {

    @Override
    public String kind() {
        return "teams";
    }

    @Override
    protected JsonObject payload(Alert a) {
        JsonArrayBuilder facts = JsonBuilders.array();
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            facts.add(JsonBuilders.object().add("title", f.label()).add("value", f.value()));
        }
        JsonObject card = JsonBuilders.object()
                .add("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .add("type", "AdaptiveCard")
                .add("version", "1.4")
                .add("body", JsonBuilders.array()
                        .add(JsonBuilders.object().add("type", "TextBlock").add("text", a.headline())
                                .add("weight", "Bolder").add("size", "Medium").add("wrap", true)
                                .add("color", a.down() ? "Attention" : "Good"))
                        .add(JsonBuilders.object().add("type", "TextBlock").add("text", a.explanation())
                                .add("wrap", true))
                        .add(JsonBuilders.object().add("type", "FactSet").add("facts", facts)))
                .add("actions", JsonBuilders.array().add(JsonBuilders.object()
                        .add("type", "Action.OpenUrl").add("title", "View in Vigil").add("url", a.checkUrl())))
                .build();
        return JsonBuilders.object()
                .add("type", "message")
                .add("attachments", JsonBuilders.array().add(JsonBuilders.object()
                        .add("contentType", "application/vnd.microsoft.card.adaptive")
                        .addNull("contentUrl")
                        .add("content", card)))
                .build();
    }
}
