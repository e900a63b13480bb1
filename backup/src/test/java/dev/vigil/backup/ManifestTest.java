package dev.vigil.backup;

import dev.vigil.backup.crypto.Recipient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestTest {

    private final Manifest manifest = new Manifest("nightly/vigil/20261123T020000Z.dump.pgp", "vigil",
            Instant.parse("2026-11-23T02:00:00Z"), 12_345, 987_654_321L, "ab".repeat(32), 1_234_567_890L,
            "pg_dump (PostgreSQL) 15.20", "15.20 (Debian 15.20-0+deb12u1)",
            List.of(new Recipient("98E12168F15B66F4", "5252BF2CF2E3B51AAC948729EF361E015784AFC2",
                    "Jürgen \"Ops\" Müller <ops@vigil.example>\t\\")));

    @Test
    void roundTripsThroughJson() {
        byte[] json = manifest.toJson();

        assertThat(Manifest.parse(json)).isEqualTo(manifest);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"format\": \"vigil-backup/1\"")
                .contains("\"sha256\": \"" + "ab".repeat(32) + "\"")
                .contains("\"size\": 987654321")
                .contains("Jürgen \\\"Ops\\\" Müller <ops@vigil.example>\\t\\\\");
    }

    @Test
    void aDocumentThatIsNotAManifestIsNamedAsSuch() {
        assertThatThrownBy(() -> Manifest.parse("{\"format\": \"other/2\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BackupException.class).hasMessageContaining("format is other/2");
        assertThatThrownBy(() -> Manifest.parse("{\"format\": \"vigil-backup/1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BackupException.class).hasMessageContaining("field 'object'");
        assertThatThrownBy(() -> Manifest.parse("{\"format\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BackupException.class).hasMessageContaining("unreadable manifest");
    }

    @Test
    void jsonParsesNestedValuesAndEscapes() {
        Object parsed = Json.parse(" {\"a\": [1, -2, 3.5, true, false, null], \"b\": {\"c\": \"\\u00e9\\n\"}, \"d\": []} ");

        assertThat(parsed).isEqualTo(java.util.Map.of(
                "a", java.util.Arrays.asList(1L, -2L, 3.5, true, false, null),
                "b", java.util.Map.of("c", "é\n"),
                "d", List.of()));
    }
}
