package dev.vigil.backup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    private static BackupEntry daysOld(double days) {
        Instant t = NOW.minus(Duration.ofMinutes((long) (days * 24 * 60)));
        return new BackupEntry(new BackupKey("p", "vigil", t), 100, t, BackupEntry.ManifestStatus.OK, null);
    }

    @Test
    void backupsOlderThanTheWindowExpireOldestFirst() {
        List<BackupEntry> nightly = IntStream.range(0, 90).mapToObj(d -> daysOld(d + 0.1)).toList();

        List<BackupEntry> expired = new RetentionPolicy(60, 7).expired(nightly, NOW);

        assertThat(expired).hasSize(30);
        assertThat(expired.get(0)).isEqualTo(nightly.get(89));
        assertThat(expired).allSatisfy(e -> assertThat(e.age(NOW)).isGreaterThan(Duration.ofDays(60)));
    }

    @Test
    void theNewestKeepMinSurviveHoweverOld() {
        List<BackupEntry> stale = List.of(daysOld(100), daysOld(95), daysOld(90), daysOld(85));

        assertThat(new RetentionPolicy(60, 2).expired(stale, NOW)).containsExactly(stale.get(0), stale.get(1));
        assertThat(new RetentionPolicy(60, 7).expired(stale, NOW)).isEmpty();
        assertThat(new RetentionPolicy(60, 0).expired(stale, NOW)).hasSize(4);
    }

    @Test
    void exactlyAtTheWindowIsKept() {
        assertThat(new RetentionPolicy(60, 0).expired(List.of(daysOld(60)), NOW)).isEmpty();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetentionPolicy(0, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(60, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
