package dev.vigil.app.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodiesTest {

    private static void refused(String body, int status, String message) {
        assertThatThrownBy(() -> JsonBodies.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ApiException.class).hasMessage(message)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(status));
    }

    @Test
    void emptyBodyIsAnEmptyObject() {
        assertThat(JsonBodies.parse(" \n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void readsObjectsWithUnicode() {
        String name = "Sauvegarde \u00e9t\u00e9 \ud83d\udd25";
        assertThat(JsonBodies.parse(("{\"name\": \"" + name + "\"}").getBytes(StandardCharsets.UTF_8))
                .getString("name")).isEqualTo(name);
    }

    @Test
    void refusesMalformedNonObjectDeepAndHugeBodies() {
        refused("{\"name\": ", 400, "could not parse request body");
        refused("\"just a string\"", 400, "json validation error: value is not an object");
        refused("[" .repeat(33) + "]".repeat(33), 400, "could not parse request body: nested deeper than 32 levels");
        refused("{\"a\": \"" + "x".repeat(JsonBodies.MAX_BYTES) + "\"}", 413,
                "request body is larger than 65536 bytes");
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        assertThat(JsonBodies.nestingDepth("{\"a\": \"[[[[\\\"[[\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(JsonBodies.nestingDepth("{\"a\": [[{}]]}".getBytes(StandardCharsets.UTF_8))).isEqualTo(4);
    }
}
