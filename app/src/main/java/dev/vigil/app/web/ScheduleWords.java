package dev.vigil.app.web;

import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.OnCalendarSchedule;
import dev.vigil.schedule.PeriodSchedule;
import dev.vigil.schedule.Schedule;

import java.time.Duration;
import java.time.ZoneOffset;

/**
 * A schedule in words: the schedule module's description of a cron or OnCalendar expression with its zone, or the
 * period; then the grace time.
 */
public final class ScheduleWords {

    private ScheduleWords() {
    }

    public static String of(Schedule schedule) {
        if (schedule == null) {
            return "unusable schedule";
        }
        String when;
        if (schedule instanceof PeriodSchedule p) {
            when = "Every " + duration(p.period());
        } else if (schedule instanceof CronSchedule c) {
            when = c.expression().describe() + zone(c.zone().getId());
        } else {
            OnCalendarSchedule o = (OnCalendarSchedule) schedule;
            when = o.expression().describe() + zone(o.zone().getId());
        }
        return when + ", grace " + duration(schedule.grace());
    }

    private static String zone(String id) {
        return id.equals("UTC") || id.equals(ZoneOffset.UTC.getId()) ? " (UTC)" : " (" + id + ")";
    }

    /** The largest whole units: "1 day", "2 hours 30 minutes", "90 seconds" stays "1 minute 30 seconds". */
    static String duration(Duration d) {
        long s = d.toSeconds();
        StringBuilder b = new StringBuilder();
        long[] sizes = {86400, 3600, 60, 1};
        String[] names = {"day", "hour", "minute", "second"};
        for (int i = 0; i < sizes.length; i++) {
            long n = s / sizes[i];
            s %= sizes[i];
            if (n > 0) {
                b.append(b.isEmpty() ? "" : " ").append(n).append(' ').append(names[i]).append(n == 1 ? "" : "s");
            }
        }
        return b.isEmpty() ? "0 seconds" : b.toString();
    }
}
