package dev.vigil.app.api;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueKeysTest {

    @Test
    void matchesHealthchecksDerivation() {
        // computed independently: hashlib.sha1(uuid.hex[:16].encode()).hexdigest() in Python
        assertThat(UniqueKeys.of(UUID.fromString("5f3b1c9e-8a2d-4e7f-9b1a-0c6d2e4f8a10")))
                .isEqualTo("53beb4bb44ceaf9bdb8f2c173c10da7c6657c424");
        assertThat(UniqueKeys.looksLikeOne("53beb4bb44ceaf9bdb8f2c173c10da7c6657c424")).isTrue();
        assertThat(UniqueKeys.looksLikeOne("53BEB4BB44CEAF9BDB8F2C173C10DA7C6657C424")).isFalse();
    }
}
