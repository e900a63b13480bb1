package dev.vigil.schedule;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * English descriptions of OnCalendar schedules, built from the parsed fields so that equivalent spellings read the
 * same; one sentence per line, joined with "; or". Every valid schedule gets one: unusual fields fall back to
 * listing their values.
 */
final class OnCalendarDescriber {

    private static final String[] WEEKDAYS =
            {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {null, "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December"};
    // Listing every time of day reads well only while the list is short.
    private static final int MAX_LISTED_TIMES = 6;

    private OnCalendarDescriber() {
    }

    static String describe(List<CalendarEvent> events) {
        List<String> sentences = new ArrayList<>();
        for (CalendarEvent event : events) {
            sentences.add(describe(event));
        }
        return String.join("; or ", sentences);
    }

    private static String describe(CalendarEvent e) {
        StringBuilder text = new StringBuilder(timeOfDay(e));
        if (!e.anyWeekday()) {
            List<Integer> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                if ((e.weekdays() & (1 << d)) != 0) {
                    days.add(d);
                }
            }
            text.append(" on ").append(CronDescriber.list(days, d -> WEEKDAYS[d]));
        }
        if (e.endOfMonth()) {
            List<Integer> fromEnd = e.days().values();
            text.append(fromEnd.equals(List.of(1)) ? " on the last day of the month"
                    : " on the " + CronDescriber.list(fromEnd, d -> d == 1 ? "last" : CronDescriber.ordinal(d) + " last")
                            + (fromEnd.size() == 1 ? " day" : " days") + " of the month");
        } else if (!e.days().isAll()) {
            text.append(" on day ").append(CronDescriber.list(e.days().values(), Integer::toString))
                    .append(" of the month");
        }
        if (!e.months().isAll()) {
            text.append(" in ").append(CronDescriber.list(e.months().values(), m -> MONTHS[m]));
        }
        if (!e.years().isAll()) {
            text.append(" in ").append(CronDescriber.list(e.years().values(), Integer::toString));
        }
        if (e.zone() != null) {
            text.append(" (").append(e.zone() == ZoneOffset.UTC ? "UTC" : e.zone().getId()).append(" time)");
        }
        return text.toString();
    }

    private static String timeOfDay(CalendarEvent e) {
        List<Integer> hours = e.hours().values();
        List<Integer> minutes = e.minutes().values();
        List<Integer> seconds = e.seconds().values();
        boolean withSeconds = !seconds.equals(List.of(0));
        if ((long) hours.size() * minutes.size() * seconds.size() <= MAX_LISTED_TIMES) {
            List<String> times = new ArrayList<>();
            for (int h : hours) {
                for (int m : minutes) {
                    for (int s : seconds) {
                        times.add(withSeconds ? String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s)
                                : String.format(Locale.ROOT, "%02d:%02d", h, m));
                    }
                }
            }
            return "At " + String.join(", ", times.subList(0, times.size() - 1))
                    + (times.size() > 1 ? " and " : "") + times.get(times.size() - 1);
        }
        String minute = unit(e.minutes(), "minute");
        String hour = e.hours().isAll() ? null : "hour " + CronDescriber.list(hours, Integer::toString);
        if (withSeconds) {
            String second = unit(e.seconds(), "second");
            String rest = e.minutes().isAll() ? "" : " of " + minute.replaceFirst("^(every|at) ", "");
            return capitalise(second) + rest + (hour == null ? "" : " during " + hour.replace("hour ", "hours "));
        }
        boolean periodic = minute.startsWith("every");
        if (hour == null) {
            return capitalise(minute) + (periodic ? "" : " past every hour");
        }
        return capitalise(minute) + (periodic ? " during " + hour.replace("hour ", "hours ") : " past " + hour);
    }

    /** "every minute", "every 15 minutes", "at minute 5", "at minutes 5, 20 and 35". */
    private static String unit(CalendarValues values, String name) {
        if (values.isAll()) {
            return "every " + name;
        }
        List<Integer> list = values.values();
        if (list.size() > 1 && list.get(0) == 0) {
            int step = list.get(1);
            boolean regular = (values.max() + 1) % step == 0 && list.size() == (values.max() + 1) / step;
            for (int i = 0; regular && i < list.size(); i++) {
                regular = list.get(i) == i * step;
            }
            if (regular) {
                return "every " + step + " " + name + "s";
            }
        }
        return "at " + name + (list.size() == 1 ? " " : "s ") + CronDescriber.list(list, Integer::toString);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
