package dev.vigil.app.web;

import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.schedule.Schedule;
import dev.vigil.schedule.ScheduleSyntax;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the schedule editor shows while the user types: the schedule in words and its next five expected times in
 * its zone, or the parser's error. The reading is the stored columns' one ({@link ScheduleCache#build}).
 *
 * @param error null when the schedule is valid
 */
public record SchedulePreview(String description, List<String> next, String error) {

    static final int TIMES = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz");

    /** The editor's fields: kind {@code simple} (period) or {@code cron} (a cron or OnCalendar expression). */
    public record Fields(String kind, String timeout, String schedule, String tz, String grace) {

        public boolean cron() {
            return "cron".equals(kind);
        }
    }

    public static SchedulePreview of(Fields f, Instant now) {
        Schedule schedule;
        ZoneId zone = ZoneOffset.UTC;
        try {
            int grace = seconds("grace time", f.grace());
            if (f.cron()) {
                String expression = text(f.schedule()).strip();
                if (expression.isEmpty()) {
                    return failed("Enter a cron expression, such as 0 3 * * *.");
                }
                String kind = ScheduleSyntax.of(expression) == ScheduleSyntax.CRON ? ScheduleCache.CRON
                        : ScheduleCache.ONCALENDAR;
                String tz = text(f.tz()).isBlank() ? "UTC" : f.tz().strip();
                schedule = ScheduleCache.build(kind, 0, grace, expression, tz);
                zone = ZoneId.of(tz);
            } else {
                int period = seconds("period", f.timeout());
                if (period <= 0) {
                    return failed("The period must be at least 1 second.");
                }
                schedule = ScheduleCache.build("simple", period, grace, null, null);
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return failed(e.getMessage());
        }
        List<String> next = new ArrayList<>();
        Instant t = now;
        for (int i = 0; i < TIMES; i++) {
            t = schedule.nextExpected(t);
            next.add(TIME.format(t.atZone(zone)));
        }
        return new SchedulePreview(ScheduleWords.of(schedule), next, null);
    }

    private static SchedulePreview failed(String error) {
        return new SchedulePreview(null, List.of(), error);
    }

    private static int seconds(String what, String value) {
        try {
            return Integer.parseInt(text(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + what + " must be a whole number of seconds.");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
