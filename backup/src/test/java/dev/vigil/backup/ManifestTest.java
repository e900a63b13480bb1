package dev.vigil.backup;

import dev.vigil.openpgp.Recipient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
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

    /** Written by the hand-made JSON writer that came before Jackson: old manifests in buckets look like this. */
    private static byte[] golden() throws IOException {
        try (InputStream in = ManifestTest.class.getResourceAsStream("/manifests/vigil-backup-1.json")) {
            return in.readAllBytes();
        }
    }

    private final Manifest goldenManifest = new Manifest("nightly/vigil/20261123T020000Z.dump.pgp", "vigil",
            Instant.parse("2026-11-23T02:00:00Z"), 12_345, 987_654_321L, "ab".repeat(32), 1_234_567_890L,
            "pg_dump (PostgreSQL) 15.20", "15.20 (Debian 15.20-0+deb12u1)",
            List.of(new Recipient("98E12168F15B66F4", "5252BF2CF2E3B51AAC948729EF361E015784AFC2",
                            "Jürgen \"Ops\" Müller <ops@vigil.example>\t\\"),
                    new Recipient("1A2B3C4D5E6F7081", "00112233445566778899AABBCCDDEEFF00112233", "")));

    @Test
    void manifestsWrittenBeforeStillRead() throws IOException {
        assertThat(Manifest.parse(golden())).isEqualTo(goldenManifest);
    }

    @Test
    void theLayoutIsTheSameByteForByte() throws IOException {
        assertThat(new String(goldenManifest.toJson(), StandardCharsets.UTF_8))
                .isEqualTo(new String(golden(), StandardCharsets.UTF_8));
    }

    @Test
    void aNumberThatIsNotWholeOrTextWhereANumberBelongsIsNamed() {
        String json = new String(manifest.toJson(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Manifest.parse(json.replace("\"size\": 987654321", "\"size\": 9.5")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("field 'size'");
        assertThatThrownBy(() -> Manifest.parse(json.replace("\"database\": \"vigil\"", "\"database\": 7")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("field 'database'");
    }
}
