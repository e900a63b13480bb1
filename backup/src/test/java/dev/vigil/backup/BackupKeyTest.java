package dev.vigil.backup;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupKeyTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:07.123Z");

    @Test
    void keysAreSortableUtcTimesUnderPrefixAndDatabase() {
        BackupKey key = new BackupKey("/backups/vigil/", "vigil", T);

        assertThat(key.objectKey()).isEqualTo("backups/vigil/vigil/20261123T020007Z.dump.pgp");
        assertThat(key.manifestKey()).isEqualTo("backups/vigil/vigil/20261123T020007Z.manifest.json");
        assertThat(BackupKey.manifestKeyFor(key.objectKey())).isEqualTo(key.manifestKey());
        assertThat(new BackupKey("", "db", T).objectKey()).isEqualTo("db/20261123T020007Z.dump.pgp");
        assertThat(new BackupKey("a", "db", Instant.parse("2026-11-23T10:00:00Z")).objectKey())
                .isGreaterThan(new BackupKey("a", "db", Instant.parse("2026-11-23T09:59:59Z")).objectKey());
    }

    @Test
    void parsingReadsBackWhatWasWrittenAndNothingElse() {
        BackupKey key = new BackupKey("backups", "vigil", T);

        assertThat(BackupKey.parse("backups/", key.objectKey())).contains(new BackupKey("backups", "vigil",
                Instant.parse("2026-11-23T02:00:07Z")));
        assertThat(BackupKey.parse("backups", key.manifestKey())).isEmpty();
        assertThat(BackupKey.parse("other", key.objectKey())).isEmpty();
        assertThat(BackupKey.parse("", "backups/vigil/20261123T020007Z.dump.pgp"))
                .as("a backup under a deeper prefix is not one of the bucket root's").isEmpty();
        assertThat(BackupKey.parse("", "vigil/20261399T020007Z.dump.pgp")).as("no 13th month").isEmpty();
        assertThat(BackupKey.parse("", "vigil/latest.dump.pgp")).isEmpty();
    }

    @Test
    void databaseNamesThatWouldBreakTheLayoutAreRefused() {
        assertThatThrownBy(() -> new BackupKey("", "a/b", T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackupKey("", "", T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackupKey.manifestKeyFor("x.json")).isInstanceOf(IllegalArgumentException.class);
    }
}
