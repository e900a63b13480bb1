package dev.vigil.app.notify;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The channel kinds this server knows, by name. */
public final class ChannelKinds {

    static final int MAX_SETTINGS_CHARS = 64 * 1024;

    private final Map<String, Channel> byKind;

    private ChannelKinds(Map<String, Channel> byKind) {
        this.byKind = java.util.Collections.unmodifiableMap(new TreeMap<>(byKind));
    }

    /** Every kind listed in META-INF/services (the built-in ones). */
    public static ChannelKinds builtIn() {
        return of(ServiceLoader.load(Channel.class, ChannelKinds.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public static ChannelKinds of(Collection<? extends Channel> channels) {
        Map<String, Channel> m = new TreeMap<>();
        for (Channel c : channels) {
            if (m.put(c.kind(), c) != null) {
                throw new IllegalStateException("two channel classes for the kind " + c.kind());
            }
        }
        return new ChannelKinds(m);
    }

    public Optional<Channel> get(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public Collection<String> names() {
        return byKind.keySet();
    }

    /**
     * Validates settings a user gave for a channel of {@code kind} (the management API's entry point), the addresses
     * it would send to included: one the delivery guard would refuse is refused now, not at the first alert.
     *
     * @return the parsed settings, to be stored as they are
     * @throws ChannelSettingsException naming the kind or the field that is wrong
     */
    public JsonObject validate(String kind, String settingsJson, AddressGuard guard) {
        Channel channel = get(kind).orElseThrow(() -> new ChannelSettingsException("kind \"" + kind
                + "\" is not a channel kind (known: " + String.join(", ", names()) + ")"));
        if (settingsJson == null || settingsJson.length() > MAX_SETTINGS_CHARS) {
            throw new ChannelSettingsException("settings must be a JSON object of at most " + MAX_SETTINGS_CHARS
                    + " characters");
        }
        JsonValue parsed;
        try (JsonReader reader = Json.createReader(new StringReader(settingsJson))) {
            parsed = reader.readValue();
        } catch (JsonException e) {
            throw new ChannelSettingsException("settings are not valid JSON: " + e.getMessage());
        }
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ChannelSettingsException("settings must be a JSON object");
        }
        channel.validate(parsed.asJsonObject());
        for (Map.Entry<String, URI> d : channel.destinations(parsed.asJsonObject()).entrySet()) {
            String refusal;
            try {
                refusal = guard.refusal(d.getValue().getHost());
            } catch (UnknownHostException e) {
                continue; // may resolve later; delivery tries again
            }
            if (refusal != null) {
                throw new ChannelSettingsException("settings." + d.getKey() + ": " + refusal);
            }
        }
        return parsed.asJsonObject();
    }
}
