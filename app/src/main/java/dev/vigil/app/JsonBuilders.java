package dev.vigil.app;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;

/**
 * The app's JSON-P builders, from one factory. {@code Json.createObjectBuilder()} looks the JSON-P provider up
 * again on every call (a service-loader search through Payara's class loaders, a fifth of a millisecond each),
 * which made a dashboard refresh of 1,000 checks five times slower than the whole dashboard page (bench/web).
 */
public final class JsonBuilders {

    private static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return FACTORY.createObjectBuilder();
    }

    /** A builder that starts with {@code start}'s members. */
    public static JsonObjectBuilder object(JsonObject start) {
        return FACTORY.createObjectBuilder(start);
    }

    public static JsonArrayBuilder array() {
        return FACTORY.createArrayBuilder();
    }
}
