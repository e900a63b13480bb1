package dev.vigil.app.notify;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Reads fields of a channel's JSON settings, failing with a message that names the field. */
public final class SettingsReader {

    private final JsonObject settings;
    private final String prefix;

    public SettingsReader(JsonObject settings) {
        this(settings, "");
    }

    private SettingsReader(JsonObject settings, String prefix) {
        this.settings = settings == null ? JsonValue.EMPTY_JSON_OBJECT : settings;
        this.prefix = prefix;
    }

    /** The settings under {@code field}, an object; empty when absent. */
    public SettingsReader object(String field) {
        JsonValue v = settings.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return new SettingsReader(JsonValue.EMPTY_JSON_OBJECT, prefix + field + ".");
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(field, "must be an object");
        }
        return new SettingsReader(v.asJsonObject(), prefix + field + ".");
    }

    public boolean has(String field) {
        JsonValue v = settings.get(field);
        return v != null && v.getValueType() != JsonValue.ValueType.NULL;
    }

    public JsonObject json() {
        return settings;
    }

    public String required(String field) {
        String v = optional(field, "");
        if (v.isBlank()) {
            throw invalid(field, "is required");
        }
        return v;
    }

    public String optional(String field, String fallback) {
        JsonValue v = settings.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (v instanceof JsonString s) {
            if (s.getString().length() > 10_000) {
                throw invalid(field, "is longer than 10000 characters");
            }
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString(); // chat ids and the like are often given as numbers
        }
        throw invalid(field, "must be a string");
    }

    public int integer(String field, int fallback, int min, int max) {
        JsonValue v = settings.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw invalid(field, "must be a whole number");
        }
        long value = n.longValue();
        if (value < min || value > max) {
            throw invalid(field, "must be between " + min + " and " + max + " (got " + value + ")");
        }
        return (int) value;
    }

    /** One of {@code allowed} (the first is the default when the field is absent). */
    public String oneOf(String field, java.util.List<String> allowed) {
        String v = optional(field, allowed.get(0));
        if (!allowed.contains(v)) {
            throw invalid(field, "must be one of " + String.join(", ", allowed) + " (got \"" + v + "\")");
        }
        return v;
    }

    /** An absolute http or https URL. */
    public URI url(String field) {
        return url(field, required(field));
    }

    public URI url(String field, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(field, "is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(field, "must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(field, "has no host name");
        }
        return uri;
    }

    public ChannelSettingsException invalid(String field, String problem) {
        return new ChannelSettingsException("settings." + prefix + field + " " + problem);
    }
}
