package dev.vigil.app.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves the {@code channels} field of a check: "*" is every channel of the project, "" none, otherwise a
 * comma-separated list where each entry is a channel's UUID or its exact, unique name.
 */
public final class ChannelRefs {

    private ChannelRefs() {
    }

    public static List<UUID> resolve(String spec, List<ChannelRow> projectChannels) {
        if (spec.equals("*")) {
            return projectChannels.stream().map(ChannelRow::id).toList();
        }
        if (spec.isBlank()) {
            return List.of();
        }
        List<String> refs = Arrays.stream(spec.split(",", -1)).map(String::strip).toList();
        if (refs.contains("")) {
            throw ApiException.badRequest("empty channel identifier");
        }
        Set<UUID> chosen = new LinkedHashSet<>();
        for (String ref : refs) {
            chosen.add(find(ref, projectChannels));
        }
        return new ArrayList<>(chosen);
    }

    private static UUID find(String ref, List<ChannelRow> channels) {
        for (ChannelRow c : channels) {
            if (c.id().toString().equals(ref)) {
                return c.id();
            }
        }
        List<ChannelRow> named = channels.stream().filter(c -> c.name().equals(ref)).toList();
        if (named.size() > 1) {
            throw ApiException.badRequest("non-unique channel identifier: " + ref);
        }
        if (named.isEmpty()) {
            throw ApiException.badRequest("invalid channel identifier: " + ref);
        }
        return named.get(0).id();
    }
}
