package dev.vigil.app.api;

import dev.vigil.app.holds.DependencyCycles;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A check's {@code depends_on} (Vigil extension): "" none, otherwise a comma-separated list of UUIDs of other checks
 * of the same project, written and read like {@code channels}. The project's dependencies must not form a cycle.
 */
final class DependsOn {

    static final String FIELD = "depends_on";

    private DependsOn() {
    }

    /** The field as sent, or null when the request leaves it out. */
    static String field(JsonObject body) {
        JsonValue value = body.get(FIELD);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw ApiException.invalid(FIELD, "is not a string");
        }
        if (s.getString().length() > 10_000) {
            throw ApiException.invalid(FIELD, "is too long (at most 10000 characters)");
        }
        return s.getString();
    }

    /**
     * The checks {@code spec} names, for {@code check} among {@code projectChecks}, once the project's other
     * dependencies ({@code graph}) are known to leave no cycle.
     */
    static List<UUID> resolve(String spec, UUID check, List<CheckRow> projectChecks, Map<UUID, List<UUID>> graph) {
        if (spec.isBlank()) {
            return List.of();
        }
        Map<String, CheckRow> byId = projectChecks.stream()
                .collect(Collectors.toMap(r -> r.id().toString(), r -> r));
        Set<UUID> chosen = new LinkedHashSet<>();
        for (String ref : Arrays.stream(spec.split(",", -1)).map(String::strip).toList()) {
            if (ref.isEmpty()) {
                throw ApiException.badRequest("invalid depends_on: empty check identifier");
            }
            CheckRow target = byId.get(ref);
            if (target == null) {
                throw ApiException.badRequest("invalid depends_on: " + ref + " is not the UUID of a check in this "
                        + "project");
            }
            if (target.id().equals(check)) {
                throw ApiException.badRequest("invalid depends_on: a check cannot depend on itself");
            }
            chosen.add(target.id());
        }
        List<UUID> dependsOn = List.copyOf(chosen);
        Map<UUID, List<UUID>> changed = new HashMap<>(graph);
        changed.put(check, dependsOn);
        Function<UUID, String> name = id -> {
            CheckRow r = byId.get(id.toString());
            return r == null || r.name().isBlank() ? id.toString() : r.name();
        };
        try {
            DependencyCycles.refuseCycles(changed, name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return dependsOn;
    }
}
