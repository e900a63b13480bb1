package dev.vigil.app.web;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The add and edit forms of the channel kinds: one description per kind, naming the settings fields its settings
 * reader takes ({@code app/notify/}), and the translation between a form and the settings JSON. The form only
 * shapes the JSON; whether it is right is decided by the kind's own validation, through the API's create and
 * update, so the page shows the API's message. A secret is never put back into a page: its edit field stays empty
 * ("leave empty to keep") and the list shows at most its last four characters.
 */
public final class ChannelForms {

    /** How a field is typed in and shown. */
    public enum Type {
        TEXT, EMAIL, URL, NUMBER, CHOICE, TEXTAREA,
        /** "Name: value" lines, stored as a JSON object. */
        HEADERS,
        /** A token or password: never shown again, kept when left empty on edit. */
        SECRET,
        /** A URL that is itself the credential (a chat service's incoming webhook): shown by its host only. */
        SECRET_URL;

        public boolean secret() {
            return this == SECRET || this == SECRET_URL;
        }
    }

    /**
     * One settings field. {@code path} is its place in the settings JSON ("down.url" is {@code {"down": {"url"}}})
     * and, prefixed with {@link #PREFIX}, the form field's name.
     */
    public record Field(String path, String label, Type type, boolean required, List<String> options, String help) {

        public String input() {
            return PREFIX + path;
        }

        /** The id of the form's input element. */
        public String id() {
            return "f-" + path.replace('.', '-');
        }

        public String inputType() {
            return switch (type) {
                case EMAIL -> "email";
                case URL -> "url";
                case NUMBER -> "number";
                case SECRET, SECRET_URL -> "password";
                default -> "text";
            };
        }
    }

    /** A kind's form: its stored name, what the page calls it, and its fields in order. */
    public record KindForm(String kind, String label, List<Field> fields) {
    }

    /** Form fields that carry settings are named "s." and the settings path. */
    public static final String PREFIX = "s.";

    private static final List<KindForm> ALL = List.of(
            kind("email", "Email", req("address", "Email address", Type.EMAIL, "Alerts are sent to this address.")),
            kind("webhook", "Webhook",
                    choice("down.method", "Method when a check goes down", List.of("POST", "GET", "PUT", "PATCH",
                            "DELETE")),
                    opt("down.url", "URL when a check goes down", Type.URL,
                            "Placeholders such as $NAME, $STATUS, $CODE work in the URL, headers and body."),
                    opt("down.headers", "Headers when a check goes down", Type.HEADERS, "One \"Name: value\" a line."),
                    opt("down.body", "Body when a check goes down", Type.TEXTAREA, null),
                    choice("up.method", "Method when a check comes up", List.of("POST", "GET", "PUT", "PATCH",
                            "DELETE")),
                    opt("up.url", "URL when a check comes up", Type.URL, "Leave empty to send nothing then."),
                    opt("up.headers", "Headers when a check comes up", Type.HEADERS, "One \"Name: value\" a line."),
                    opt("up.body", "Body when a check comes up", Type.TEXTAREA, null),
                    opt("secret", "Signing secret", Type.SECRET, "16 to 256 characters; signs every request "
                            + "(X-Vigil-Signature).")),
            kind("slack", "Slack", req("url", "Incoming webhook URL", Type.SECRET_URL, null)),
            kind("discord", "Discord", req("url", "Webhook URL", Type.SECRET_URL, null)),
            kind("teams", "Microsoft Teams", req("url", "Incoming webhook URL", Type.SECRET_URL, null)),
            kind("mattermost", "Mattermost", req("url", "Incoming webhook URL", Type.SECRET_URL, null)),
            kind("googlechat", "Google Chat", req("url", "Webhook URL", Type.SECRET_URL, null)),
            kind("ntfy", "ntfy",
                    opt("server", "Server", Type.URL, "Empty for https://ntfy.sh."),
                    req("topic", "Topic", Type.TEXT, "1 to 64 letters, digits, '-' or '_'."),
                    opt("priority_down", "Priority when down (1-5)", Type.NUMBER, null),
                    opt("priority_up", "Priority when up (1-5)", Type.NUMBER, null),
                    opt("token", "Access token", Type.SECRET, "For a protected topic.")),
            kind("pushover", "Pushover",
                    req("user_key", "User or group key", Type.SECRET, null),
                    opt("priority_down", "Priority when down (-2 to 2)", Type.NUMBER, null),
                    opt("priority_up", "Priority when up (-2 to 2)", Type.NUMBER, null),
                    opt("retry", "Emergency retry, seconds", Type.NUMBER, null),
                    opt("expire", "Emergency expiry, seconds", Type.NUMBER, null)),
            kind("telegram", "Telegram",
                    req("chat_id", "Chat id", Type.TEXT, "A numeric chat id or @channelname."),
                    opt("thread_id", "Topic (thread) id", Type.NUMBER, null)),
            kind("gotify", "Gotify",
                    req("server", "Server", Type.URL, null),
                    req("token", "Application token", Type.SECRET, null),
                    opt("priority_down", "Priority when down (0-10)", Type.NUMBER, null),
                    opt("priority_up", "Priority when up (0-10)", Type.NUMBER, null)),
            kind("pagerduty", "PagerDuty",
                    req("routing_key", "Integration (routing) key", Type.SECRET, null),
                    choice("severity", "Severity", List.of("critical", "error", "warning", "info"))),
            kind("opsgenie", "Opsgenie",
                    req("api_key", "API key", Type.SECRET, null),
                    choice("region", "Region", List.of("us", "eu")),
                    choice("priority", "Priority", List.of("P3", "P1", "P2", "P4", "P5"))),
            kind("matrix", "Matrix",
                    req("homeserver", "Homeserver", Type.URL, null),
                    req("room_id", "Room id", Type.TEXT, "Like !abc:example.org (the room's advanced settings)."),
                    req("access_token", "Access token", Type.SECRET, null)),
            kind("zulip", "Zulip",
                    req("site", "Site", Type.URL, null),
                    req("bot_email", "Bot email", Type.EMAIL, null),
                    req("api_key", "Bot API key", Type.SECRET, null),
                    choice("type", "Send to", List.of("stream", "private")),
                    req("to", "Stream or recipient", Type.TEXT, null),
                    opt("topic", "Topic", Type.TEXT, "At most 60 characters.")));

    private ChannelForms() {
    }

    public static List<KindForm> all() {
        return ALL;
    }

    public static Optional<KindForm> of(String kind) {
        return ALL.stream().filter(k -> k.kind().equals(kind)).findFirst();
    }

    /** The label of a kind, or the kind itself for one without a form. */
    public static String label(String kind) {
        return of(kind).map(KindForm::label).orElse(kind);
    }

    /**
     * The settings a submitted form describes. An empty field is left out (the kind's default applies); an empty
     * secret on edit keeps the current one. A number field that is not a whole number is passed on as text, for the
     * kind's validation to refuse with its own message.
     *
     * @param current the stored settings when editing, empty when adding
     * @throws IllegalArgumentException for a header line without a colon
     */
    public static JsonObject settings(KindForm form, Map<String, String> fields, JsonObject current) {
        Map<String, Object> tree = new LinkedHashMap<>();
        java.util.Set<String> filled = new java.util.HashSet<>();
        for (Field f : form.fields()) {
            String text = fields.getOrDefault(f.input(), "");
            JsonValue value;
            if (text.isBlank() && f.type().secret()) {
                value = at(current, f.path());
            } else if (text.isBlank()) {
                value = null;
            } else if (f.type() == Type.NUMBER) {
                value = text.strip().matches("-?[0-9]{1,18}") ? jsonNumber(Long.parseLong(text.strip()))
                        : jsonString(text.strip());
            } else if (f.type() == Type.HEADERS) {
                value = headers(f, text);
            } else {
                value = jsonString(f.type() == Type.TEXTAREA ? text : text.strip());
            }
            if (value != null) {
                put(tree, f.path(), value);
                if (f.type() != Type.CHOICE) {
                    filled.add(group(f.path()));
                }
            }
        }
        // a group with nothing but a choice made (a webhook's "up" with only its method) says nothing: left out
        tree.keySet().removeIf(k -> tree.get(k) instanceof Map<?, ?> && !filled.contains(k));
        return build(tree);
    }

    /** The form's values for stored settings: every field but the secrets, which stay empty. */
    public static Map<String, String> values(KindForm form, JsonObject settings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : form.fields()) {
            JsonValue v = at(settings, f.path());
            if (v == null || f.type().secret()) {
                continue;
            }
            if (f.type() == Type.HEADERS && v instanceof JsonObject headers) {
                List<String> lines = new ArrayList<>();
                headers.forEach((name, value) -> lines.add(name + ": " + text(value)));
                out.put(f.input(), String.join("\n", lines));
            } else {
                out.put(f.input(), text(v));
            }
        }
        return out;
    }

    /** Whether stored settings have a value for the field (the edit form says a secret is set). */
    public static boolean isSet(JsonObject settings, Field field) {
        return at(settings, field.path()) != null;
    }

    /**
     * One line about a channel's settings for the list: its fields as "label: value", secrets by their last four
     * characters at most, a credential URL by its host.
     */
    public static String summary(String kind, JsonObject settings) {
        Optional<KindForm> form = of(kind);
        if (form.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Field f : form.get().fields()) {
            JsonValue v = at(settings, f.path());
            if (v == null || f.type() == Type.TEXTAREA || f.type() == Type.HEADERS) {
                continue;
            }
            parts.add(f.label() + ": " + shown(f, text(v)));
        }
        return String.join(" · ", parts);
    }

    /** A value as the list may show it. */
    static String shown(Field f, String value) {
        if (f.type() == Type.SECRET) {
            return value.length() >= 12 ? "••••" + value.substring(value.length() - 4) : "••••";
        }
        if (f.type() == Type.SECRET_URL) {
            try {
                String host = URI.create(value).getHost();
                return host == null ? "••••" : host + "/••••";
            } catch (IllegalArgumentException e) {
                return "••••";
            }
        }
        return value;
    }

    private static KindForm kind(String kind, String label, Field... fields) {
        return new KindForm(kind, label, List.of(fields));
    }

    private static Field req(String path, String label, Type type, String help) {
        return new Field(path, label, type, true, List.of(), help);
    }

    private static Field opt(String path, String label, Type type, String help) {
        return new Field(path, label, type, false, List.of(), help);
    }

    /** A choice of the kind's allowed values; the first is the kind's default. */
    private static Field choice(String path, String label, List<String> options) {
        return new Field(path, label, Type.CHOICE, false, options, null);
    }

    private static JsonValue headers(Field f, String text) {
        JsonObjectBuilder b = JsonBuilders.object();
        int n = 0;
        for (String line : text.split("\r?\n")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(f.label() + ": line " + n
                        + " is not \"Name: value\"");
            }
            b.add(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return b.build();
    }

    private static String group(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static JsonValue at(JsonObject settings, String path) {
        JsonValue v = settings;
        for (String part : path.split("\\.")) {
            if (!(v instanceof JsonObject o) || !o.containsKey(part) || o.isNull(part)) {
                return null;
            }
            v = o.get(part);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String path, JsonValue value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static JsonObject build(Map<String, Object> tree) {
        JsonObjectBuilder b = JsonBuilders.object();
        tree.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                b.add(k, build((Map<String, Object>) m));
            } else {
                b.add(k, (JsonValue) v);
            }
        });
        return b.build();
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return v.toString();
    }

    private static JsonValue jsonString(String s) {
        return JsonBuilders.object().add("v", s).build().get("v");
    }

    private static JsonValue jsonNumber(long n) {
        return JsonBuilders.object().add("v", n).build().get("v");
    }
}
