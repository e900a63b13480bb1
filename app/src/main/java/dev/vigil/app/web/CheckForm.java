package dev.vigil.app.web;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The dashboard's "add a check" form as the management API's create body, so that the API's parser and rules
 * decide what is valid: a cron or OnCalendar expression (with its zone) when one is given, else a period.
 */
final class CheckForm {

    private CheckForm() {
    }

    static JsonObject toJson(String name, String slug, String tags, String schedule, String tz, String timeout,
            String grace) {
        JsonObjectBuilder b = JsonBuilders.object().add("name", text(name)).add("tags", text(tags));
        if (!text(slug).isBlank()) {
            b.add("slug", slug.strip());
        }
        if (!text(schedule).isBlank()) {
            b.add("schedule", schedule.strip()).add("tz", text(tz).isBlank() ? "UTC" : tz.strip());
        } else if (!text(timeout).isBlank()) {
            b.add("timeout", seconds("period", timeout));
        }
        if (!text(grace).isBlank()) {
            b.add("grace", seconds("grace", grace));
        }
        return b.build();
    }

    private static long seconds(String field, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + field + " must be a whole number of seconds.");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
