package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The thresholds of Debian's cron.c for clock changes, checked against synthetic zones with a single
 * transition at 1 June 2026 so that they do not depend on the JDK's copy of the tz database.
 */
class DebianClockJumpTest {

    private static final LocalDateTime NOON = LocalDateTime.parse("2026-06-01T12:00");

    /** A zone at {@code before} that switches to {@code after} when its clock shows 1 June 12:00. */
    private static ZoneRules zoneSwitching(String before, String after) {
        ZoneOffset from = ZoneOffset.of(before);
        ZoneOffset to = ZoneOffset.of(after);
        ZoneOffsetTransition transition = ZoneOffsetTransition.of(NOON, from, to);
        return ZoneRules.of(from, from, List.of(), List.of(transition), List.of());
    }

    private static List<Instant> next(String expression, ZoneRules rules, String after, int count) {
        CronExpression cron = CronExpression.parse(expression);
        List<Instant> times = new ArrayList<>();
        Instant cursor = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            cursor = FireTimes.nextAfter(cron, cursor, rules, "Test/Zone");
            times.add(cursor);
        }
        return times;
    }

    private static List<Instant> instants(String... isoInstants) {
        return Arrays.stream(isoInstants).map(Instant::parse).toList();
    }

    @Test
    void aJumpOfUnderFiveMinutesCatchesUpWildcardJobsToo() {
        // 12:00 becomes 12:03; the wildcard job's 12:01 runs at the jump (12:00Z).
        ZoneRules rules = zoneSwitching("Z", "+00:03");

        assertThat(next("1 * * * *", rules, "2026-06-01T11:30:00Z", 2)).isEqualTo(instants(
                "2026-06-01T12:00:00Z", "2026-06-01T12:58:00Z"));
    }

    @Test
    void aLongerJumpCatchesUpOnlyFixedTimeJobs() {
        ZoneRules rules = zoneSwitching("Z", "+00:10");

        assertThat(next("1 * * * *", rules, "2026-06-01T11:30:00Z", 1)).isEqualTo(instants("2026-06-01T12:51:00Z"));
        assertThat(next("1 12 * * *", rules, "2026-06-01T11:30:00Z", 1)).isEqualTo(instants("2026-06-01T12:00:00Z"));
    }

    @Test
    void aJumpJustUnderThreeHoursIsStillCaughtUp() {
        // 12:00 becomes 14:59; the skipped 14:00 runs at the jump.
        ZoneRules rules = zoneSwitching("Z", "+02:59");

        assertThat(next("0 14 * * *", rules, "2026-06-01T11:00:00Z", 1)).isEqualTo(instants("2026-06-01T12:00:00Z"));
    }

    @Test
    void aJumpOfThreeHoursOrMoreCountsAsSettingTheClock() {
        // 12:00 becomes 15:00; the skipped 14:00 is lost.
        ZoneRules rules = zoneSwitching("Z", "+03:00");

        assertThat(next("0 14 * * *", rules, "2026-06-01T11:00:00Z", 1)).isEqualTo(instants("2026-06-02T11:00:00Z"));
    }

    @Test
    void goingBackThreeHoursRepeatsOnlyWildcardJobs() {
        // 12:00 (+03:00, 09:00Z) becomes 09:00 (Z); 10:00 shows twice, at 07:00Z and 10:00Z.
        ZoneRules rules = zoneSwitching("+03:00", "Z");

        assertThat(next("0 10 * * *", rules, "2026-06-01T06:00:00Z", 2)).isEqualTo(instants(
                "2026-06-01T07:00:00Z", "2026-06-02T10:00:00Z"));
        // 12:00 was never shown before the switch, so it is not a repeat.
        assertThat(next("0 10-12 * * *", rules, "2026-06-01T06:00:00Z", 3)).isEqualTo(instants(
                "2026-06-01T07:00:00Z", "2026-06-01T08:00:00Z", "2026-06-01T12:00:00Z"));
        assertThat(next("0 * * * *", rules, "2026-06-01T06:30:00Z", 4)).isEqualTo(instants(
                "2026-06-01T07:00:00Z", "2026-06-01T08:00:00Z", "2026-06-01T09:00:00Z", "2026-06-01T10:00:00Z"));
    }

    @Test
    void goingBackMoreThanThreeHoursCountsAsSettingTheClockSoEverythingRepeats() {
        // 12:00 (+04:00, 08:00Z) becomes 08:00 (Z); 10:00 shows at 06:00Z and again at 10:00Z.
        ZoneRules rules = zoneSwitching("+04:00", "Z");

        assertThat(next("0 10 * * *", rules, "2026-06-01T05:00:00Z", 3)).isEqualTo(instants(
                "2026-06-01T06:00:00Z", "2026-06-01T10:00:00Z", "2026-06-02T10:00:00Z"));
    }
}
