package dev.vigil.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One systemd calendar event (one line of an OnCalendar schedule): the years, months, days, weekdays, hours,
 * minutes and seconds it allows, and the time zone it names, if any. Immutable.
 *
 * @param weekdays   bit 0 is Monday, bit 6 Sunday; 0 or all seven bits mean any day
 * @param endOfMonth the days count from the end of the month ({@code ~}): 1 is the last day
 * @param zone       the zone written at the end of the line, or null for the check's zone
 */
record CalendarEvent(String text, int weekdays, CalendarValues years, CalendarValues months, CalendarValues days,
        boolean endOfMonth, CalendarValues hours, CalendarValues minutes, CalendarValues seconds, ZoneId zone) {

    static final int MIN_YEAR = 1970;
    // systemd stops looking after 2199, and so does Healthchecks.
    static final int MAX_YEAR = 2199;
    static final int ALL_WEEKDAYS = 0b111_1111;

    CalendarEvent {
        Objects.requireNonNull(text, "text");
    }

    /** The first whole second strictly after {@code after} that this event names, or null if there is none. */
    Instant nextAfter(Instant after, ZoneId defaultZone) {
        ZoneId in = zone != null ? zone : defaultZone;
        Instant next = CalendarSearch.next(this, after, in);
        if (next != null && !next.isAfter(after)) {
            // systemd can land on the earlier occurrence of a repeated local time when the search starts in the
            // later one; a schedule must move forward, so look again from past the repeated stretch.
            next = CalendarSearch.next(this, after.plusSeconds(3600), in);
        }
        return next;
    }

    boolean anyWeekday() {
        return weekdays == 0 || weekdays == ALL_WEEKDAYS;
    }

    boolean matchesWeekday(LocalDate date) {
        return anyWeekday() || (weekdays & (1 << (date.getDayOfWeek().getValue() - 1))) != 0;
    }

    /** The first allowed day of the month at or after {@code day} in the given month, or -1. */
    int dayAtOrAfter(int year, int month, int day) {
        if (!endOfMonth) {
            return days.atOrAfter(day);
        }
        int length = LocalDate.of(year, month, 1).lengthOfMonth();
        // Counted from the end, later days have smaller numbers: look downwards from the one for {@code day}.
        for (int fromEnd = length - Math.max(day, 1) + 1; fromEnd >= 1; fromEnd--) {
            if (days.contains(fromEnd)) {
                return length - fromEnd + 1;
            }
        }
        return days.pastMaximum(day, fromEnd -> length - fromEnd + 1);
    }
}
