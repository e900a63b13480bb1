package dev.vigil.app.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads API request bodies: at most {@link #MAX_BYTES} bytes and {@link #MAX_DEPTH} levels of nesting (checked
 * before parsing, so hostile input can neither exhaust memory nor the parser's stack), and only JSON objects. An
 * empty body is an empty object, as Healthchecks treats it.
 */
public final class JsonBodies {

    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_DEPTH = 32;
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private JsonBodies() {
    }

    public static JsonObject read(InputStream in) {
        return parse(readLimited(in));
    }

    static JsonObject parse(byte[] body) {
        if (isBlank(body)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (nestingDepth(body) > MAX_DEPTH) {
            throw ApiException.badRequest("could not parse request body: nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("could not parse request body");
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiException.badRequest("json validation error: value is not an object");
        }
        return object;
    }

    private static byte[] readLimited(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_BYTES) {
                    drain(in, buffer);
                    throw ApiException.tooLarge("request body is larger than " + MAX_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and drops the rest of an oversized body (up to {@link #DRAIN_LIMIT}), so that a client still sending it
     * is not left blocked and reads the 413; anything longer is cut off when the connection closes.
     */
    private static void drain(InputStream in, byte[] buffer) throws IOException {
        long dropped = 0;
        int n;
        while (dropped < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
            dropped += n;
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The deepest nesting of arrays and objects, ignoring brackets inside strings. */
    static int nestingDepth(byte[] json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                max = Math.max(max, ++depth);
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return max;
    }
}
