package dev.vigil.client;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TailBufferTest {

    @Test
    void tailBufferKeepsTheEndAcrossWrapAround() {
        TailBuffer tail = new TailBuffer(10);
        tail.append("hello ".getBytes(StandardCharsets.UTF_8), 0, 6);
        assertThat(tail.text()).isEqualTo("hello ");
        assertThat(tail.truncated()).isFalse();

        tail.append("wonderful world".getBytes(StandardCharsets.UTF_8), 0, 15);
        assertThat(tail.text()).isEqualTo("rful world");
        tail.append("!!".getBytes(StandardCharsets.UTF_8), 0, 2);
        assertThat(tail.text()).isEqualTo("ul world!!");
        assertThat(tail.total()).isEqualTo(23);
        assertThat(tail.truncated()).isTrue();
    }

    @Test
    void tailBufferDoesNotStartInsideACharacter() {
        TailBuffer tail = new TailBuffer(5);
        byte[] text = "aaaü✓".getBytes(StandardCharsets.UTF_8); // ü: 2 bytes, ✓: 3 bytes
        tail.append(text, 0, text.length);
        assertThat(tail.text()).isEqualTo("ü✓");
        tail.append("x".getBytes(StandardCharsets.UTF_8), 0, 1);
        assertThat(tail.text()).as("half a ü is dropped").isEqualTo("✓x");
    }
}
