package dev.vigil.provisioning.inventory;

import java.util.List;
import java.util.Map;

/** A YAML value that remembers where it was written, so that every later check can point at it. */
sealed interface YamlNode {

    Location location();

    /** A human name for the kind of value, for "expected a list, found a number". */
    String kind();

    record Mapping(Location location, Map<String, Entry> entries) implements YamlNode {
        public String kind() {
            return "a mapping";
        }
    }

    /** A key of a mapping with its own location (for unknown and duplicate keys) and its value. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        public String kind() {
            return "a list";
        }
    }

    /** A scalar as written; {@code type} is what YAML made of it (string, integer, float, boolean, null). */
    record Scalar(Location location, String text, ScalarType type) implements YamlNode {
        public String kind() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER -> "an integer";
                case FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "nothing (null)";
            };
        }
    }

    enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN, NULL }
}
