package dev.vigil.app.api;

import dev.vigil.app.checks.KeywordFilter;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CheckEditsTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final CheckRow ROW = new CheckRow(UUID.randomUUID(), UUID.randomUUID(), "n", "s", "a b", "d",
            "simple", 3600, 600, "* * * * *", "UTC", false, "", "up", null, null, T, null, 4, UUID.randomUUID(),
            List.of(), 1, null, KeywordFilter.NONE);

    private static CheckFields fields(Integer timeout, String schedule) {
        return new CheckFields("new name", null, null, null, timeout, null, schedule, null, null, null, null, null,
                null, null, KeywordFields.ABSENT);
    }

    @Test
    void scheduleMakesACronCheckAndWinsOverTimeout() {
        CheckRow r = CheckEdits.apply(ROW, fields(120, "0 3 * * *"));
        assertThat(r.kind()).isEqualTo("cron");
        assertThat(r.schedule()).isEqualTo("0 3 * * *");
        assertThat(r.name()).isEqualTo("new name");
        assertThat(r.slug()).isEqualTo("s");
        assertThat(CheckEdits.apply(r, fields(120, null)).kind()).isEqualTo("simple");
    }

    @Test
    void alertAfterFollowsTheSchedule() {
        assertThat(CheckEdits.alertAfter(ROW)).isEqualTo(T.plusSeconds(3600 + 600));
        assertThat(CheckEdits.alertAfter(CheckEdits.paused(ROW))).isNull();
        assertThat(CheckEdits.resumed(ROW).lastPing()).isNull();
    }

    @Test
    void uniqueMatchNeedsEveryListedFieldInTheRequest() {
        CheckFields byName = new CheckFields("n", null, null, null, 3600, null, null, null, null, null, null,
                List.of("name", "timeout"), null, null, KeywordFields.ABSENT);
        assertThat(CheckEdits.matches(ROW, byName, byName.unique())).isTrue();
        assertThat(CheckEdits.matches(ROW, byName, List.of("name", "tags"))).isFalse();
        assertThat(CheckEdits.matches(ROW, fields(3600, null), List.of("name"))).isFalse();
    }

    @Test
    void vigilExtensionsAreKeptUntilChangedAndAStartDeadlineOfZeroRemovesIt() {
        CheckFields set = new CheckFields(null, null, null, null, null, null, null, null, null, null, null, null, 3,
                300, KeywordFields.ABSENT);
        CheckRow withBoth = CheckEdits.apply(ROW, set);
        assertThat(withBoth.alertAfterFailures()).isEqualTo(3);
        assertThat(withBoth.startDeadline()).isEqualTo(300);
        CheckRow renamed = CheckEdits.apply(withBoth, fields(null, null));
        assertThat(renamed.alertAfterFailures()).isEqualTo(3);
        assertThat(renamed.startDeadline()).isEqualTo(300);
        CheckRow cleared = CheckEdits.apply(withBoth, new CheckFields(null, null, null, null, null, null, null, null,
                null, null, null, null, null, CheckFields.NO_START_DEADLINE, KeywordFields.ABSENT));
        assertThat(cleared.startDeadline()).isNull();
    }
}
