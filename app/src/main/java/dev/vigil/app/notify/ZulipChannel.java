package dev.vigil.app.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

/**
 * A Zulip organization, through a bot
 * ({@code {"site": "https://chat.example.zulipchat.com", "bot_email": "vigil-bot@...", "api_key": "...",
 * "type": "stream", "to": "ops", "topic": "alerts"}}; type {@code stream} or {@code private}, where {@code to} is
 * a comma-separated list of email addresses). Posted as a form to {@code /api/v1/messages} with HTTP basic
 * authentication (bot email and API key), in Zulip's Markdown. Without a topic, each check gets its own topic (its
 * name), so one check's down and up messages stay together.
 */
public final class ZulipChannel implements Channel {

    static final List<String> TYPES = List.of("stream", "private");
    /** Zulip's limit on a topic's length. */
    static final int TOPIC_LIMIT = 60;

    @Override
    public String kind() {
        return "zulip";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        r.url("site");
        if (!r.required("bot_email").matches("[^\\s@]+@[^\\s@]+")) {
            throw r.invalid("bot_email", "must be the bot's email address");
        }
        if (!r.required("api_key").matches("[A-Za-z0-9]{16,64}")) {
            throw r.invalid("api_key", "must be the bot's API key (letters and digits)");
        }
        r.oneOf("type", TYPES);
        r.required("to");
        if (r.optional("topic", "").length() > TOPIC_LIMIT) {
            throw r.invalid("topic", "must be at most " + TOPIC_LIMIT + " characters");
        }
    }

    @Override
    public Map<String, URI> destinations(JsonObject settings) {
        return Map.of("site", new SettingsReader(settings).url("site"));
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        SettingsReader r = new SettingsReader(channel.settings());
        URI uri = URI.create(r.url("site").toString().replaceAll("/+$", "") + "/api/v1/messages");
        String credentials = Base64.getEncoder().encodeToString((r.required("bot_email") + ":"
                + r.required("api_key")).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(form(alert, r)));
        return context.http().send(uri, request, uri.toString());
    }

    static String form(Alert a, SettingsReader r) {
        Map<String, String> fields = new LinkedHashMap<>();
        String type = r.oneOf("type", TYPES);
        fields.put("type", type);
        fields.put("to", r.required("to"));
        if (type.equals("stream")) {
            String topic = r.optional("topic", "");
            if (topic.isBlank()) {
                topic = a.title().length() > TOPIC_LIMIT ? a.title().substring(0, TOPIC_LIMIT - 1) + "…" : a.title();
            }
            fields.put("topic", topic);
        }
        fields.put("content", markdown(a));
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String markdown(Alert a) {
        StringBuilder text = new StringBuilder()
                .append(a.down() ? ":red_circle: " : ":green_circle: ")
                .append("**[").append(escape(a.title())).append("](").append(a.checkUrl()).append(") is ")
                .append(a.down() ? "DOWN" : "UP").append(a.test() ? " (test)" : "").append("**\n")
                .append(escape(a.explanation()));
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            text.append("\n**").append(f.label()).append(":** ").append(escape(f.value()));
        }
        return text.toString();
    }

    /** User text must not become Markdown (links, mentions, emphasis): backslash Zulip's markup characters. */
    static String escape(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]()#@~>|<$])", "\\\\$1");
    }
}
