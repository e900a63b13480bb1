package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * ntfy ({@code {"server": "https://ntfy.sh", "topic": "my-alerts", "priority_down": 5, "priority_up": 3,
 * "token": "tk_..."}}; server defaults to ntfy.sh, priorities to 5 and 3, the access token is optional). Published
 * as JSON to the server's root URL, ntfy's documented JSON publishing, with a click action to the check.
 */
public final class NtfyChannel implements Channel {

    static final String DEFAULT_SERVER = "https://ntfy.sh";

    @Override
    public String kind() {
        return "ntfy";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        r.url("server", r.optional("server", DEFAULT_SERVER));
        if (!r.required("topic").matches("[-_A-Za-z0-9]{1,64}")) {
            throw r.invalid("topic", "must be 1 to 64 letters, digits, '-' or '_'");
        }
        r.integer("priority_down", 5, 1, 5);
        r.integer("priority_up", 3, 1, 5);
        r.optional("token", "");
    }

    @Override
    public Map<String, URI> destinations(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        return Map.of("server", r.url("server", r.optional("server", DEFAULT_SERVER)));
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        SettingsReader r = new SettingsReader(channel.settings());
        String server = r.optional("server", DEFAULT_SERVER);
        URI uri = r.url("server", server.endsWith("/") ? server : server + "/");
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload(alert, r).toString()));
        String token = r.optional("token", "");
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return context.http().send(uri, request, uri.toString());
    }

    static JsonObject payload(Alert a, SettingsReader r) {
        return JsonBuilders.object()
                .add("topic", r.required("topic"))
                .add("title", a.headline())
                .add("message", AlertFacts.plainText(a))
                .add("priority", a.down() ? r.integer("priority_down", 5, 1, 5) : r.integer("priority_up", 3, 1, 5))
                .add("tags", JsonBuilders.array().add(a.down() ? "red_circle" : "green_circle"))
                .add("click", a.checkUrl())
                .build();
    }
}
