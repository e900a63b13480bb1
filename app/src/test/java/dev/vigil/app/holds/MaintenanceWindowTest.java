package dev.vigil.app.holds;

import dev.vigil.app.holds.MaintenanceWindow.Scope;
import dev.vigil.schedule.ScheduleExpression;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintenanceWindowTest {

    private static final Instant T = Instant.parse("2026-12-06T02:00:00Z"); // a Sunday
    private static final UUID CHECK = UUID.randomUUID();

    private static MaintenanceWindow sundays(String expression, Duration d) {
        return MaintenanceWindow.recurring(UUID.randomUUID(), Scope.PROJECT, "", ScheduleExpression.parse(expression),
                ZoneId.of("Europe/Dublin"), d, "patching");
    }

    @Test
    void aOneOffWindowIncludesItsStartAndExcludesItsEnd() {
        MaintenanceWindow w = MaintenanceWindow.oneOff(UUID.randomUUID(), Scope.PROJECT, "", T, T.plusSeconds(3600),
                "kernel upgrade");
        assertThat(w.openUntil(T.minusMillis(1))).isEmpty();
        assertThat(w.openUntil(T)).contains(T.plusSeconds(3600));
        assertThat(w.openUntil(T.plusSeconds(3599))).contains(T.plusSeconds(3600));
        assertThat(w.openUntil(T.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aRecurringCronWindowOpensAtEachFireTimeForItsDuration() {
        MaintenanceWindow w = sundays("0 2 * * 0", Duration.ofHours(2)); // 02:00 in Dublin, which is UTC in winter
        assertThat(w.openUntil(T.minusSeconds(1))).isEmpty();
        assertThat(w.openUntil(T)).contains(T.plus(Duration.ofHours(2)));
        assertThat(w.openUntil(T.plus(Duration.ofMinutes(119)))).contains(T.plus(Duration.ofHours(2)));
        assertThat(w.openUntil(T.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(w.openUntil(T.plus(Duration.ofDays(7)).plusSeconds(60))).contains(T.plus(Duration.ofDays(7))
                .plus(Duration.ofHours(2)));
    }

    @Test
    void anOnCalendarWindowInSummerTimeFollowsTheZone() {
        MaintenanceWindow w = sundays("Sun *-*-* 02:00:00", Duration.ofMinutes(30));
        Instant summerSunday = Instant.parse("2026-07-05T01:00:00Z"); // 02:00 IST
        assertThat(w.openUntil(summerSunday.plusSeconds(60))).contains(summerSunday.plus(Duration.ofMinutes(30)));
        assertThat(w.openUntil(summerSunday.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void overlappingOpeningsEndWithTheLast() {
        MaintenanceWindow w = sundays("*/10 * * * *", Duration.ofMinutes(25));
        assertThat(w.openUntil(T.plusSeconds(60))).contains(T.plus(Duration.ofMinutes(25)));
        assertThat(w.openUntil(T.plus(Duration.ofMinutes(21)))).contains(T.plus(Duration.ofMinutes(45)));
    }

    @Test
    void scopeCoversACheckATagOrTheProject() {
        List<String> tags = List.of("db", "prod");
        assertThat(MaintenanceWindow.oneOff(null, Scope.CHECK, CHECK.toString(), T, T.plusSeconds(1), "r")
                .covers(CHECK, tags)).isTrue();
        assertThat(MaintenanceWindow.oneOff(null, Scope.CHECK, UUID.randomUUID().toString(), T, T.plusSeconds(1), "r")
                .covers(CHECK, tags)).isFalse();
        assertThat(MaintenanceWindow.oneOff(null, Scope.TAG, "db", T, T.plusSeconds(1), "r").covers(CHECK, tags))
                .isTrue();
        assertThat(MaintenanceWindow.oneOff(null, Scope.TAG, "d", T, T.plusSeconds(1), "r").covers(CHECK, tags))
                .isFalse();
        assertThat(MaintenanceWindow.oneOff(null, Scope.PROJECT, "", T, T.plusSeconds(1), "r").covers(CHECK, List.of()))
                .isTrue();
    }

    @Test
    void badShapesAreRefusedWithTheirProblem() {
        assertThatThrownBy(() -> MaintenanceWindow.oneOff(null, Scope.PROJECT, "", T, T, "r"))
                .hasMessage("the end must be after the start");
        assertThatThrownBy(() -> MaintenanceWindow.oneOff(null, Scope.PROJECT, "", T, null, "r"))
                .hasMessageContaining("needs a start and an end");
        assertThatThrownBy(() -> sundays("0 2 * * 0", Duration.ofDays(8)))
                .hasMessageContaining("duration must be from 60 seconds to 604800 seconds");
        assertThatThrownBy(() -> sundays("0 2 * * 0", Duration.ofSeconds(59)))
                .hasMessageContaining("duration must be from 60 seconds");
        assertThatThrownBy(() -> new MaintenanceWindow(null, Scope.PROJECT, "", T, T.plusSeconds(9),
                ScheduleExpression.parse("0 2 * * 0"), ZoneId.of("UTC"), Duration.ofHours(1), "r"))
                .hasMessageContaining("not both");
    }
}
