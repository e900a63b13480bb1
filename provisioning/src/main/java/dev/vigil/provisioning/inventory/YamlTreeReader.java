package dev.vigil.provisioning.inventory;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into {@link YamlNode}s with locations, using Jackson's streaming YAML parser (YAML 1.2,
 * so {@code no} stays a string). Binding is done by hand afterwards: it gives better messages than data binding
 * and catches duplicate keys, which YAML parsers tend to let through.
 */
final class YamlTreeReader {

    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    private final Path file;

    YamlTreeReader(Path file) {
        this.file = file;
    }

    YamlNode read(Reader reader) {
        try (JsonParser parser = MAPPER.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InventoryException(file, new Location(1, 1), "the file is empty");
            }
            YamlNode root = value(parser);
            if (parser.nextToken() != null) {
                throw new InventoryException(file, location(parser), "more than one YAML document; keep one");
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            Location where = at == null ? new Location(1, 1) : new Location(at.getLineNr(), at.getColumnNr());
            throw new InventoryException(file, where, "not valid YAML: " + e.getOriginalMessage());
        }
    }

    private YamlNode value(JsonParser parser) {
        Location at = location(parser);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, at);
            case START_ARRAY -> sequence(parser, at);
            case VALUE_STRING -> new YamlNode.Scalar(at, parser.getString(), YamlNode.ScalarType.STRING);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(at, parser.getString(), YamlNode.ScalarType.INTEGER);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(at, parser.getString(), YamlNode.ScalarType.FLOAT);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(at, parser.getString(), YamlNode.ScalarType.BOOLEAN);
            case VALUE_NULL -> new YamlNode.Scalar(at, "", YamlNode.ScalarType.NULL);
            default -> throw new InventoryException(file, at, "unsupported YAML construct (" + token + ")");
        };
    }

    private YamlNode mapping(JsonParser parser, Location at) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            Location keyAt = location(parser);
            if (entries.containsKey(key)) {
                throw new InventoryException(file, keyAt, "duplicate key \"" + key + "\" (first at "
                        + entries.get(key).keyLocation() + ")");
            }
            parser.nextToken();
            entries.put(key, new YamlNode.Entry(key, keyAt, value(parser)));
        }
        return new YamlNode.Mapping(at, entries);
    }

    private YamlNode sequence(JsonParser parser, Location at) {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser));
        }
        return new YamlNode.Sequence(at, items);
    }

    private static Location location(JsonParser parser) {
        TokenStreamLocation l = parser.currentTokenLocation();
        return new Location(l.getLineNr(), l.getColumnNr());
    }
}
