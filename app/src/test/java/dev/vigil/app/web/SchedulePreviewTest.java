package dev.vigil.app.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulePreviewTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void cronInItsZoneWithTheNextFiveTimes() {
        SchedulePreview p = SchedulePreview.of(new SchedulePreview.Fields("cron", "", "0 3 * * *", "Europe/Riga",
                "300"), NOW);
        assertThat(p.error()).isNull();
        assertThat(p.description()).isEqualTo("At 03:00 every day (Europe/Riga), grace 5 minutes");
        assertThat(p.next()).hasSize(5).first().asString().startsWith("Fri 2026-12-04 03:00 ");
        assertThat(p.next().get(4)).startsWith("Tue 2026-12-08 03:00 ");
    }

    @Test
    void onCalendarExpressionsAreToldApartAsEverywhere() {
        SchedulePreview p = SchedulePreview.of(new SchedulePreview.Fields("cron", "", "Mon..Fri 09:00", "UTC",
                "60"), NOW);
        assertThat(p.error()).isNull();
        assertThat(p.next()).first().asString().startsWith("Fri 2026-12-04 09:00");
    }

    @Test
    void aPeriodCountsFromNow() {
        SchedulePreview p = SchedulePreview.of(new SchedulePreview.Fields("simple", "3600", "", "", "60"), NOW);
        assertThat(p.description()).isEqualTo("Every 1 hour, grace 1 minute");
        assertThat(p.next()).containsExactly("Thu 2026-12-03 13:00 Z", "Thu 2026-12-03 14:00 Z",
                "Thu 2026-12-03 15:00 Z", "Thu 2026-12-03 16:00 Z", "Thu 2026-12-03 17:00 Z");
    }

    @Test
    void theParsersErrorInsteadOfAPreview() {
        SchedulePreview bad = SchedulePreview.of(new SchedulePreview.Fields("cron", "", "61 * * * *", "UTC", "60"),
                NOW);
        assertThat(bad.error()).isNotBlank();
        assertThat(bad.next()).isEmpty();
        assertThat(SchedulePreview.of(new SchedulePreview.Fields("cron", "", "0 3 * * *", "Mars/Olympus", "60"), NOW)
                .error()).contains("Mars/Olympus");
        assertThat(SchedulePreview.of(new SchedulePreview.Fields("simple", "soon", "", "", "60"), NOW).error())
                .isEqualTo("The period must be a whole number of seconds.");
        assertThat(SchedulePreview.of(new SchedulePreview.Fields("cron", "", " ", "UTC", "60"), NOW).error())
                .startsWith("Enter a cron expression");
    }
}
