package dev.vigil.backup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The small stream helpers the workflows rely on. */
class StreamsTest {

    @Test
    void holdbackPassesAllButTheLastBytesUntilReleased() throws Exception {
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HoldbackOutputStream holdback = new HoldbackOutputStream(out, 1000);
        Random sizes = new Random(2);
        for (int off = 0; off < data.length; ) {
            int n = Math.min(data.length - off, sizes.nextInt(2500)); // smaller and larger than the holdback
            holdback.write(data, off, n);
            off += n;
            assertThat(out.size()).isEqualTo(Math.max(0, off - 1000));
        }
        assertThat(holdback.held()).isEqualTo(1000);

        holdback.release();

        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void retryDelaysDoubleUpToTheCap() {
        RetryPolicy retry = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofSeconds(15));
        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retry.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(retry.delayAfter(4)).isEqualTo(Duration.ofSeconds(15));
        assertThat(retry.delayAfter(40)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void sizesAndDurationsReadWell() {
        assertThat(Sizes.bytes(512)).isEqualTo("512 B");
        assertThat(Sizes.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Sizes.bytes(3L << 30)).isEqualTo("3.0 GiB");
        assertThat(Sizes.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Sizes.duration(Duration.ofSeconds(245))).isEqualTo("4 min 05 s");
        assertThat(Sizes.duration(Duration.ofDays(61).plusHours(3))).isEqualTo("61 d 3 h");
    }
}
