package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook placeholders: $NAME, $STATUS, $NOW, $CODE (the check's UUID, as in Healthchecks), $TAGS, $SLUG and
 * $JSON (the alert as a JSON object). Values are escaped for where they land: percent-encoded in URLs, JSON-escaped
 * (without quotes) in a JSON body, as they are elsewhere. One pass, so a value containing "$NAME" stays as it is.
 */
public final class Placeholders {

    /** Where a template's result goes. */
    public enum Target { URL, JSON, TEXT }

    private static final Pattern NAMES = Pattern.compile("\\$(NAME|STATUS|NOW|CODE|TAGS|SLUG|JSON)");

    private Placeholders() {
    }

    public static String expand(String template, Alert alert, Target target) {
        Matcher m = NAMES.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "NAME" -> alert.title();
                case "STATUS" -> alert.newStatus();
                case "NOW" -> alert.now().truncatedTo(ChronoUnit.SECONDS).toString();
                case "CODE" -> alert.checkId().toString();
                case "TAGS" -> alert.tags();
                case "SLUG" -> alert.slug();
                default -> json(alert);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(escape(value, target, name.equals("JSON"))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String value, Target target, boolean isJson) {
        return switch (target) {
            case URL -> URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            case JSON -> isJson ? value : jsonContent(value);
            case TEXT -> value;
        };
    }

    /** A string's JSON form without the surrounding quotes. */
    static String jsonContent(String value) {
        String quoted = Json.createValue(value).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    /** $JSON: what a receiver needs to act on the alert. */
    public static String json(Alert a) {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("uuid", a.checkId().toString())
                .add("name", a.title())
                .add("slug", a.slug())
                .add("tags", a.tags())
                .add("project", a.projectName())
                .add("status", a.newStatus())
                .add("old_status", a.oldStatus())
                .add("reason", a.reason())
                .add("changed", a.flipTime().truncatedTo(ChronoUnit.MILLIS).toString())
                .add("url", a.checkUrl())
                .add("test", a.test());
        if (a.lastPing() == null) {
            b.addNull("last_ping");
        } else {
            b.add("last_ping", a.lastPing().created().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        return b.build().toString();
    }

}
