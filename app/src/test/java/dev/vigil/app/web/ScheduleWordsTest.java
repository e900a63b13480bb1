package dev.vigil.app.web;

import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.OnCalendarSchedule;
import dev.vigil.schedule.PeriodSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleWordsTest {

    @Test
    void periodsInWholeUnits() {
        assertThat(ScheduleWords.of(new PeriodSchedule(Duration.ofDays(1), Duration.ofHours(1))))
                .isEqualTo("Every 1 day, grace 1 hour");
        assertThat(ScheduleWords.of(new PeriodSchedule(Duration.ofSeconds(5400), Duration.ofSeconds(90))))
                .isEqualTo("Every 1 hour 30 minutes, grace 1 minute 30 seconds");
    }

    @Test
    void expressionsInTheScheduleModulesWordsWithTheirZone() {
        assertThat(ScheduleWords.of(CronSchedule.of("0 9 * * 1-5", "Europe/Riga", Duration.ofMinutes(5))))
                .isEqualTo("At 09:00 on Monday through Friday (Europe/Riga), grace 5 minutes");
        assertThat(ScheduleWords.of(OnCalendarSchedule.of("daily", "UTC", Duration.ofHours(2))))
                .startsWith(OnCalendarSchedule.of("daily", "UTC", Duration.ofHours(2)).expression().describe())
                .endsWith(" (UTC), grace 2 hours");
        assertThat(ScheduleWords.of(null)).isEqualTo("unusable schedule");
    }
}
