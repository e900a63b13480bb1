package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * A PagerDuty service's Events API v2 integration ({@code {"routing_key": "<32 characters>", "severity": "critical"}}).
 * A down check triggers an incident and an up check resolves it: both carry the same {@code dedup_key}, made from the
 * check's UUID, so PagerDuty folds repeated alerts of one check into one incident and a retried request changes
 * nothing. PagerDuty answers 202 when it accepted the event, 400 for an invalid one (given up), 429 and 5xx when it
 * wants the event again later ({@link OutgoingHttp} retries those, honouring Retry-After).
 */
public final class PagerDutyChannel implements Channel {

    static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

    @Override
    public String kind() {
        return "pagerduty";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        if (!r.required("routing_key").matches("[A-Za-z0-9]{32}")) {
            throw r.invalid("routing_key", "must be the 32 letters and digits of an Events API v2 integration key");
        }
        r.oneOf("severity", SEVERITIES);
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        URI uri = URI.create(context.services().pagerDutyApi() + "/v2/enqueue");
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event(alert, new SettingsReader(channel.settings()))
                        .toString()));
        return context.http().send(uri, request, uri.toString()); // the routing key is in the body, not the URL
    }

    static JsonObject event(Alert a, SettingsReader r) {
        JsonObjectBuilder event = JsonBuilders.object()
                .add("routing_key", r.required("routing_key"))
                .add("event_action", a.down() ? "trigger" : "resolve")
                .add("dedup_key", "vigil-" + a.checkId() + (a.test() ? "-test" : ""));
        if (!a.down()) {
            return event.build(); // PagerDuty reads nothing else of a resolve
        }
        JsonObjectBuilder details = JsonBuilders.object().add("explanation", a.explanation());
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            details.add(f.label(), f.value());
        }
        return event
                .add("payload", JsonBuilders.object()
                        .add("summary", a.headline())
                        .add("source", "Vigil")
                        .add("severity", r.oneOf("severity", SEVERITIES))
                        .add("timestamp", a.flipTime().toString())
                        .add("group", a.projectName())
                        .add("custom_details", details))
                .add("client", "Vigil")
                .add("client_url", a.checkUrl())
                .add("links", JsonBuilders.array().add(JsonBuilders.object()
                        .add("href", a.checkUrl()).add("text", "View in Vigil")))
                .build();
    }
}
