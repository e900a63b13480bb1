package dev.vigil.ops.secrets;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A secret's value from standard input, as {@code pwgen -s 32 1 | ops secrets set KEY} gives it. */
class SecretInputTest {

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneLineLosesOnlyItsLineBreak() {
        assertThat(SecretInput.read("k", null, in("Uu4f J0 \n"))).isEqualTo("Uu4f J0 ");
        assertThat(SecretInput.read("k", null, in("Uu4fJ0\r\n"))).isEqualTo("Uu4fJ0");
        assertThat(SecretInput.read("k", null, in("Uu4fJ0"))).isEqualTo("Uu4fJ0");
    }

    @Test
    void nothingOnStandardInputChangesNothing() {
        assertThatThrownBy(() -> SecretInput.read("k", null, in("\n"))).isInstanceOf(SecretsException.class)
                .hasMessage("no value on standard input; nothing changed");
    }

    @Test
    void standardInputIsBounded() {
        assertThatThrownBy(() -> SecretInput.read("k", null, in("x".repeat(SecretsFile.MAX_BYTES + 1))))
                .isInstanceOf(SecretsException.class).hasMessage("standard input is too long for a secret");
    }
}
