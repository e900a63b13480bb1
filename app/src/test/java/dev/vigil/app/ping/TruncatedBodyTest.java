package dev.vigil.app.ping;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TruncatedBodyTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void keepsTheFirstBytesUpToTheLimitAndCountsAll() {
        TruncatedBody body = new TruncatedBody(10, -1);
        ByteBuffer first = ByteBuffer.wrap(bytes(6));
        body.append(first);
        assertThat(first.hasRemaining()).isFalse();
        assertThat(body.room()).isEqualTo(4);
        body.append(ByteBuffer.wrap(bytes(7)));
        body.append(ByteBuffer.wrap(bytes(100)));
        assertThat(body.size()).isEqualTo(113);
        assertThat(body.keptLength()).isEqualTo(10);
        assertThat(body.room()).isZero();
        assertThat(body.kept()).containsExactly(0, 1, 2, 3, 4, 5, 0, 1, 2, 3);
    }

    @Test
    void growsBeyondTheAnnouncedLengthButNeverBeyondTheLimit() {
        TruncatedBody body = new TruncatedBody(100_000, 3); // a client may announce less than it sends (chunked)
        body.append(ByteBuffer.wrap(bytes(70_000)));
        body.append(ByteBuffer.wrap(bytes(70_000)));
        assertThat(body.kept()).hasSize(100_000);
        assertThat(Arrays.copyOfRange(body.kept(), 70_000, 70_003)).containsExactly(0, 1, 2);
        assertThat(body.size()).isEqualTo(140_000);
    }

    @Test
    void emptyAndZeroLimit() {
        assertThat(new TruncatedBody(100, 0).kept()).isEmpty();
        TruncatedBody none = new TruncatedBody(0, 50);
        none.append(ByteBuffer.wrap(bytes(50)));
        assertThat(none.kept()).isEmpty();
        assertThat(none.size()).isEqualTo(50);
    }

    @Test
    void readsAWholeStream() throws Exception {
        TruncatedBody body = TruncatedBody.readAll(new ByteArrayInputStream(bytes(30_000)), 20_000, -1);
        assertThat(body.size()).isEqualTo(30_000);
        assertThat(body.kept()).isEqualTo(Arrays.copyOf(bytes(30_000), 20_000));
    }
}
