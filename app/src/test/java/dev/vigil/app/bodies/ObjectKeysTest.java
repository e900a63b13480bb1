package dev.vigil.app.bodies;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectKeysTest {

    private static final UUID CHECK = UUID.fromString("5f3c9b1e-0000-4000-8000-000000000001");

    @Test
    void keysCarryTheCheckAndTheSerial() {
        assertThat(ObjectKeys.key(CHECK, 1)).isEqualTo(CHECK + "/9223372036854775806-1");
        assertThat(ObjectKeys.key(CHECK, 100)).isEqualTo(CHECK + "/9223372036854775707-100");
        assertThat(ObjectKeys.serialOf(ObjectKeys.key(CHECK, 123_456))).isEqualTo(123_456);
        assertThat(ObjectKeys.key(CHECK, 7)).startsWith(ObjectKeys.prefix(CHECK));
    }

    @Test
    void newerSerialsSortFirstWhateverTheirNumberOfDigits() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long a = 1 + (random.nextBoolean() ? random.nextInt(100_000) : random.nextLong(Long.MAX_VALUE - 1));
            long b = 1 + (random.nextBoolean() ? random.nextInt(100_000) : random.nextLong(Long.MAX_VALUE - 1));
            int byKey = Integer.signum(ObjectKeys.key(CHECK, a).compareTo(ObjectKeys.key(CHECK, b)));
            assertThat(byKey).as("%d vs %d", a, b).isEqualTo(Integer.signum(Long.compare(b, a)));
        }
    }

    @Test
    void serialsStartAtOne() {
        assertThatThrownBy(() -> ObjectKeys.key(CHECK, 0)).hasMessageContaining("start at 1");
    }
}
