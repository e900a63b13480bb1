package dev.vigil.app.notify;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pushover ({@code {"user_key": "u...", "priority_down": 1, "priority_up": 0, "retry": 300, "expire": 3600}}),
 * sent with the server's application token (VIGIL_PUSHOVER_TOKEN) to Pushover's documented messages API as a form.
 * Priority 2 is an emergency: Pushover repeats it every {@code retry} seconds (at least 30) until acknowledged or
 * {@code expire} seconds (at most 10800) have passed.
 */
public final class PushoverChannel implements Channel {

    @Override
    public String kind() {
        return "pushover";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        if (!r.required("user_key").matches("[A-Za-z0-9]{30}")) {
            throw r.invalid("user_key", "must be the 30 letters and digits of a Pushover user or group key");
        }
        r.integer("priority_down", 0, -2, 2);
        r.integer("priority_up", 0, -2, 2);
        r.integer("retry", 300, 30, 10800);
        r.integer("expire", 3600, 30, 10800);
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        ServiceEndpoints services = context.services();
        if (services.pushoverToken().isEmpty()) {
            return new SendResult.Failed("Pushover is not set up on this server (VIGIL_PUSHOVER_TOKEN is empty)");
        }
        URI uri = URI.create(services.pushoverApi() + "/1/messages.json");
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(alert, new SettingsReader(channel.settings()),
                        services.pushoverToken())));
        return context.http().send(uri, request, uri.toString());
    }

    static String form(Alert a, SettingsReader r, String token) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", token);
        f.put("user", r.required("user_key"));
        f.put("title", a.headline());
        f.put("message", AlertFacts.plainText(a));
        int priority = a.down() ? r.integer("priority_down", 0, -2, 2) : r.integer("priority_up", 0, -2, 2);
        f.put("priority", Integer.toString(priority));
        if (priority == 2) {
            f.put("retry", Integer.toString(r.integer("retry", 300, 30, 10800)));
            f.put("expire", Integer.toString(r.integer("expire", 3600, 30, 10800)));
        }
        f.put("url", a.checkUrl());
        f.put("url_title", "View in Vigil");
        return f.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
