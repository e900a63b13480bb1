package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * An Opsgenie API integration ({@code {"api_key": "<key>", "region": "us", "priority": "P3"}}; region {@code us} or
 * {@code eu}). A down check creates an alert whose alias is the check's UUID, so Opsgenie keeps one open alert per
 * check; an up check closes that alert by its alias. The key goes in the {@code Authorization: GenieKey} header.
 * Opsgenie answers 202 once it has queued the request; 401/403 (a bad key) and 422 are given up, 429 and 5xx retried.
 */
public final class OpsgenieChannel implements Channel {

    static final List<String> REGIONS = List.of("us", "eu");
    static final List<String> PRIORITIES = List.of("P3", "P1", "P2", "P4", "P5");
    /** Opsgenie cuts an alert's message at 130 characters. */
    static final int MESSAGE_LIMIT = 130;

    @Override
    public String kind() {
        return "opsgenie";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        if (!r.required("api_key").matches("[-A-Za-z0-9]{8,64}")) {
            throw r.invalid("api_key", "must be an Opsgenie API integration key (letters, digits and '-')");
        }
        r.oneOf("region", REGIONS);
        r.oneOf("priority", PRIORITIES);
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        SettingsReader r = new SettingsReader(channel.settings());
        ServiceEndpoints services = context.services();
        String api = r.oneOf("region", REGIONS).equals("eu") ? services.opsgenieEuApi() : services.opsgenieApi();
        URI uri = URI.create(api + (alert.down() ? "/v2/alerts"
                : "/v2/alerts/" + alias(alert) + "/close?identifierType=alias"));
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .header("Authorization", "GenieKey " + r.required("api_key"))
                .POST(HttpRequest.BodyPublishers.ofString(payload(alert, r).toString()));
        return context.http().send(uri, request, uri.toString());
    }

    static String alias(Alert a) {
        return "vigil-" + a.checkId() + (a.test() ? "-test" : "");
    }

    static JsonObject payload(Alert a, SettingsReader r) {
        if (!a.down()) {
            return JsonBuilders.object().add("source", "Vigil").add("note", a.explanation()).build();
        }
        String headline = a.headline();
        JsonArrayBuilder tags = JsonBuilders.array();
        for (String tag : a.tags().split(" ")) {
            if (!tag.isBlank()) {
                tags.add(tag);
            }
        }
        return JsonBuilders.object()
                .add("message", headline.length() > MESSAGE_LIMIT ? headline.substring(0, MESSAGE_LIMIT - 1) + "…"
                        : headline)
                .add("alias", alias(a))
                .add("description", AlertFacts.plainText(a) + "\n" + a.checkUrl())
                .add("source", "Vigil")
                .add("tags", tags)
                .add("details", JsonBuilders.object().add("project", a.projectName()).add("url", a.checkUrl()))
                .add("priority", r.oneOf("priority", PRIORITIES))
                .build();
    }
}
