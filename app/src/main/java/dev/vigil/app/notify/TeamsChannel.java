package dev.vigil.app.notify;

import jakarta.json.Json;
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
        JsonArrayBuilder facts = Json.createArrayBuilder();
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            facts.add(Json.createObjectBuilder().add("title", f.label()).add("value", f.value()));
        }
        JsonObject card = Json.createObjectBuilder()
                .add("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .add("type", "AdaptiveCard")
                .add("version", "1.4")
                .add("body", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "TextBlock").add("text", a.headline())
                                .add("weight", "Bolder").add("size", "Medium").add("wrap", true)
                                .add("color", a.down() ? "Attention" : "Good"))
                        .add(Json.createObjectBuilder().add("type", "TextBlock").add("text", a.explanation())
                                .add("wrap", true))
                        .add(Json.createObjectBuilder().add("type", "FactSet").add("facts", facts)))
                .add("actions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "Action.OpenUrl").add("title", "View in Vigil").add("url", a.checkUrl())))
                .build();
        return Json.createObjectBuilder()
                .add("type", "message")
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("contentType", "application/vnd.microsoft.card.adaptive")
                        .addNull("contentUrl")
                        .add("content", card)))
                .build();
    }
}
