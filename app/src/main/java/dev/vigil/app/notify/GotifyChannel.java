package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * A Gotify server ({@code {"server": "https://gotify.example.com", "token": "<application token>",
 * "priority_down": 8, "priority_up": 4}}; priorities 0 to 10, by default 8 and 4). Posted as JSON to the server's
 * {@code /message} endpoint with the application token in the {@code X-Gotify-Key} header (never in the URL, where
 * logs would keep it), and a click link to the check through Gotify's {@code client::notification} extra.
 */
public final class GotifyChannel implements Channel {

    @Override
    public String kind() {
        return "gotify";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        r.url("server");
        if (!r.required("token").matches("[-_.A-Za-z0-9]{1,128}")) {
            throw r.invalid("token", "must be Gotify's application token: letters, digits, '-', '_' or '.'");
        }
        r.integer("priority_down", 8, 0, 10);
        r.integer("priority_up", 4, 0, 10);
    }

    @Override
    public Map<String, URI> destinations(JsonObject settings) {
        return Map.of("server", new SettingsReader(settings).url("server"));
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        SettingsReader r = new SettingsReader(channel.settings());
        String server = r.url("server").toString();
        URI uri = URI.create((server.endsWith("/") ? server : server + "/") + "message");
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .header("X-Gotify-Key", r.required("token"))
                .POST(HttpRequest.BodyPublishers.ofString(payload(alert, r).toString()));
        return context.http().send(uri, request, uri.toString());
    }

    static JsonObject payload(Alert a, SettingsReader r) {
        return JsonBuilders.object()
                .add("title", a.headline())
                .add("message", AlertFacts.plainText(a))
                .add("priority", a.down() ? r.integer("priority_down", 8, 0, 10) : r.integer("priority_up", 4, 0, 10))
                .add("extras", JsonBuilders.object().add("client::notification", JsonBuilders.object()
                        .add("click", JsonBuilders.object().add("url", a.checkUrl()))))
                .build();
    }
}
