package dev.vigil.app.api;

import dev.vigil.app.checks.KeywordFilter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCopiesTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aCopyHasTheSettingsAndChannelsButNeitherTheIdNorTheHistory() {
        UUID channel = UUID.randomUUID();
        CheckRow original = new CheckRow(UUID.randomUUID(), UUID.randomUUID(), "backup", "nightly", "prod db", "d",
                "cron", 3600, 600, "0 3 * * *", "Europe/Riga", true, "POST", "down", T, UUID.randomUUID(), T, 1500L,
                42, UUID.randomUUID(), List.of(channel), 3, 120, KeywordFilter.NONE);
        CheckRow blank = new CheckRow(UUID.randomUUID(), original.projectId(), "", "", "", "", "simple", 86400, 3600,
                "", "UTC", false, "", "new", null, null, null, null, 0, UUID.randomUUID(), List.of(), 1, null,
                KeywordFilter.NONE);
        CheckRow copy = CheckCopies.of(original, blank);
        assertThat(copy.id()).isEqualTo(blank.id());
        assertThat(copy.badgeKey()).isEqualTo(blank.badgeKey());
        assertThat(copy.name()).isEqualTo("backup (copy)");
        assertThat(copy.slug()).isEqualTo("nightly-copy");
        assertThat(copy.tags()).isEqualTo("prod db");
        assertThat(copy.kind()).isEqualTo("cron");
        assertThat(copy.schedule()).isEqualTo("0 3 * * *");
        assertThat(copy.tz()).isEqualTo("Europe/Riga");
        assertThat(copy.grace()).isEqualTo(600);
        assertThat(copy.manualResume()).isTrue();
        assertThat(copy.methods()).isEqualTo("POST");
        assertThat(copy.channels()).containsExactly(channel);
        assertThat(copy.alertAfterFailures()).isEqualTo(3);
        assertThat(copy.startDeadline()).isEqualTo(120);
        assertThat(copy.status()).isEqualTo("new");
        assertThat(copy.lastPing()).isNull();
        assertThat(copy.nPings()).isZero();
    }

    @Test
    void longNamesAndSlugsAreCutToStayWithinTheirLimits() {
        String name = "n".repeat(100);
        assertThat(CheckCopies.name(name)).isEqualTo("n".repeat(90) + "... (copy)").hasSize(100);
        assertThat(CheckCopies.slug("s".repeat(100))).hasSize(100).endsWith("-copy");
        assertThat(CheckCopies.slug("")).isEmpty();
    }
}
