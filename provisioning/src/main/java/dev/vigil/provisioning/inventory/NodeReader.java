package dev.vigil.provisioning.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed access to a YAML mapping for the inventory loader: each getter checks the type and reports a problem at
 * the value's location, with the dotted path ({@code hosts[2].ssh.port}) so that the message stands on its own.
 */
final class NodeReader {

    private final Path file;
    private final String path;
    private final YamlNode.Mapping mapping;

    private NodeReader(Path file, String path, YamlNode.Mapping mapping) {
        this.file = file;
        this.path = path;
        this.mapping = mapping;
    }

    /** Reads {@code node} as a mapping whose keys must all be in {@code allowed}. */
    static NodeReader of(Path file, String path, YamlNode node, Set<String> allowed) {
        if (!(node instanceof YamlNode.Mapping m)) {
            throw problem(file, node.location(), path, "expected a mapping, found " + node.kind());
        }
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                throw problem(file, e.keyLocation(), join(path, e.key()), "unknown key \"" + e.key()
                        + "\"; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return new NodeReader(file, path, m);
    }

    static InventoryException problem(Path file, Location at, String path, String message) {
        return new InventoryException(file, at, (path.isEmpty() ? "" : path + ": ") + message);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Location location() {
        return mapping.location();
    }

    String path() {
        return path;
    }

    String path(String key) {
        return join(path, key);
    }

    Path file() {
        return file;
    }

    boolean has(String key) {
        YamlNode.Entry e = mapping.entries().get(key);
        return e != null && !(e.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL);
    }

    YamlNode node(String key) {
        YamlNode.Entry e = mapping.entries().get(key);
        if (e == null) {
            throw problem(file, mapping.location(), path, "missing required key \"" + key + "\"");
        }
        return e.value();
    }

    /** A nested mapping, or an empty one when the key is absent. */
    NodeReader mapping(String key, Set<String> allowed) {
        if (!has(key)) {
            return new NodeReader(file, join(path, key), new YamlNode.Mapping(mapping.location(), java.util.Map.of()));
        }
        return of(file, join(path, key), node(key), allowed);
    }

    String string(String key) {
        return scalarText(key, node(key));
    }

    String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    /** Strings accept any scalar as written ({@code version: 1.10} stays "1.10"), but not lists or mappings. */
    private String scalarText(String key, YamlNode node) {
        if (!(node instanceof YamlNode.Scalar s) || s.type() == YamlNode.ScalarType.NULL
                || s.type() == YamlNode.ScalarType.BOOLEAN) {
            throw problem(file, node.location(), join(path, key), "expected a string, found " + node.kind());
        }
        if (s.text().isBlank()) {
            throw problem(file, node.location(), join(path, key), "must not be empty");
        }
        return s.text();
    }

    int integer(String key, int fallback, int min, int max) {
        if (!has(key)) {
            return fallback;
        }
        YamlNode node = node(key);
        if (!(node instanceof YamlNode.Scalar s) || s.type() != YamlNode.ScalarType.INTEGER) {
            throw problem(file, node.location(), join(path, key), "expected an integer, found " + node.kind());
        }
        long value;
        try {
            value = Long.parseLong(s.text().replace("_", ""));
        } catch (NumberFormatException e) {
            throw problem(file, node.location(), join(path, key), "not a decimal integer: " + s.text());
        }
        if (value < min || value > max) {
            throw problem(file, node.location(), join(path, key),
                    "must be from " + min + " to " + max + ", not " + value);
        }
        return (int) value;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        YamlNode node = node(key);
        if (!(node instanceof YamlNode.Scalar s) || s.type() != YamlNode.ScalarType.BOOLEAN) {
            throw problem(file, node.location(), join(path, key), "expected true or false, found " + node.kind());
        }
        return Boolean.parseBoolean(s.text());
    }

    /** A list of strings; absent means empty. */
    List<String> strings(String key) {
        return list(key, (item, itemPath) -> {
            if (!(item instanceof YamlNode.Scalar s) || s.type() != YamlNode.ScalarType.STRING || s.text().isBlank()) {
                throw problem(file, item.location(), itemPath, "expected a non-empty string, found " + item.kind());
            }
            return s.text();
        });
    }

    <T> List<T> list(String key, ItemReader<T> reader) {
        if (!has(key)) {
            return List.of();
        }
        YamlNode node = node(key);
        if (!(node instanceof YamlNode.Sequence seq)) {
            throw problem(file, node.location(), join(path, key), "expected a list, found " + node.kind());
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            out.add(reader.read(seq.items().get(i), join(path, key) + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    /** Parses the string at {@code key}; {@code parse} throws IllegalArgumentException with the reason. */
    <T> T parsed(String key, Function<String, T> parse) {
        String text = string(key);
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw problem(file, node(key).location(), join(path, key), e.getMessage());
        }
    }

    InventoryException problemAt(String key, String message) {
        YamlNode.Entry e = mapping.entries().get(key);
        Location at = e == null ? mapping.location() : e.value().location();
        return problem(file, at, join(path, key), message);
    }

    @FunctionalInterface
    interface ItemReader<T> {
        T read(YamlNode item, String itemPath);
    }
}
