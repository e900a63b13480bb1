package dev.vigil.app.alerts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How a stored ping body becomes the text of a notification. */
class NotificationQueueTest {

    @Test
    void utf8BodiesAreKeptAndLongOnesCut() {
        assertThat(NotificationQueue.text("done: 3 files, 2 GB ✓".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("done: 3 files, 2 GB ✓");
        String cut = NotificationQueue.text("x".repeat(NotificationQueue.BODY_CHARS + 5).getBytes(StandardCharsets.UTF_8));
        assertThat(cut).hasSize(NotificationQueue.BODY_CHARS + "\n(cut at 10000 characters)".length())
                .endsWith("x\n(cut at 10000 characters)");
    }

    @Test
    void aCharacterSplitByTheDatabaseCutIsNotCalledBinaryButBinaryIs() {
        byte[] split = "ok é".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(split, split.length - 1);
        assertThat(NotificationQueue.text(truncated)).startsWith("ok ");
        byte[] binary = new byte[64];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (0x80 + i);
        }
        assertThat(NotificationQueue.text(binary)).isEqualTo("(the body is binary data, 64 bytes)");
    }
}
