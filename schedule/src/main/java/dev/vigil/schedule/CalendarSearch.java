package dev.vigil.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The next elapse of a calendar event, found the way systemd 252 finds it (calendarspec.c, find_next), so that
 * daylight-saving changes give the same answers as a real timer:
 * <ul>
 *   <li>the search walks local wall-clock time forward from just after the start, field by field (year, month,
 *       day, weekday, hour, minute, second), taking the smallest allowed value of each field;</li>
 *   <li>every step converts the broken-down time to an instant and back, as {@code mktime} does. A local time
 *       that does not exist (clocks went forward) converts to a later one; the search then starts again from
 *       there, with the field below the first changed one reset, so a time in the gap never fires: no catch-up;
 *       a repetition without an end ({@code 0/25} in minutes) asks for values past the field's end and continues
 *       from where they normalise to;</li>
 *   <li>a local time that happens twice (clocks went back) takes the offset of the previous conversion, as
 *       glibc's {@code mktime} does with {@code tm_isdst = -1}: coming from before the change that is the first
 *       occurrence, so a repeated time fires once, and the repeated stretch is not walked again.</li>
 * </ul>
 * Not modelled: glibc's handling of a tm_isdst left set by an earlier normalisation (it can make systemd take the
 * later occurrence after an hour repetition overflows into a repeated hour), and zones whose data marks winter
 * time as daylight saving (Europe/Dublin), where systemd resolves a missing time backwards.
 * Written rather than borrowed: no Java library follows systemd here, and Healthchecks' own library differs from
 * systemd in a few corners (see docs/schedules.md). The search is bounded by the year 2199, where systemd stops,
 * and by a step count that no real expression comes near.
 */
final class CalendarSearch {

    static final int MAX_STEPS = 200_000;
    private static final Instant EARLIEST = Instant.parse("1969-12-30T00:00:00Z");

    private final CalendarEvent event;
    private final ZoneId zone;
    private ZoneOffset guess;
    // A broken-down time like struct tm; fields may be out of range until the next conversion.
    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;
    // systemd starts one microsecond after the base, so the second it starts in is already partly over.
    private boolean partSecond;

    private CalendarSearch(CalendarEvent event, ZoneId zone, ZonedDateTime start, boolean partSecond) {
        this.event = event;
        this.zone = zone;
        this.guess = start.getOffset();
        this.partSecond = partSecond;
        load(start.toLocalDateTime());
    }

    /** The first whole second strictly after {@code after} that {@code event} names in {@code zone}, or null. */
    static Instant next(CalendarEvent event, Instant after, ZoneId zone) {
        if (after.getEpochSecond() >= LocalDateTime.of(CalendarEvent.MAX_YEAR + 1, 1, 1, 0, 0)
                .toEpochSecond(ZoneOffset.UTC)) {
            return null;
        }
        // Nothing elapses before 1970, and earlier instants would overflow the microseconds below.
        if (after.isBefore(EARLIEST)) {
            after = EARLIEST;
        }
        // As systemd: from one microsecond after the base, in whole microseconds.
        long micros = after.getEpochSecond() * 1_000_000L + after.getNano() / 1_000 + 1;
        ZonedDateTime start = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(zone);
        return new CalendarSearch(event, zone, start, Math.floorMod(micros, 1_000_000L) != 0).run();
    }

    private Instant run() {
        for (int step = 0; step < MAX_STEPS; step++) {
            load(convert().toLocalDateTime());

            int r = match(event.years().atOrAfter(year), year);
            if (r < 0) {
                return null;
            }
            if (r > 0) {
                year = event.years().atOrAfter(year);
                month = 1;
                day = 1;
                resetFrom(Field.HOUR);
            }
            if (withinBounds() <= 0) {
                return null;
            }

            int found = event.months().atOrAfter(month);
            r = match(found, month);
            if (r > 0) {
                month = found;
                day = 1;
                resetFrom(Field.HOUR);
            }
            if (r < 0 || (r = withinBounds()) < 0) {
                year++;
                month = 1;
                day = 1;
                resetFrom(Field.HOUR);
                continue;
            }
            if (r == 0) {
                continue;
            }

            if (event.endOfMonth()) {
                lookUpMonthEnds();
            }
            found = event.dayAtOrAfter(year, month, day);
            r = match(found, day);
            if (r > 0) {
                day = found;
                resetFrom(Field.HOUR);
            }
            if (r < 0 || (r = withinBounds()) < 0) {
                month++;
                day = 1;
                resetFrom(Field.HOUR);
                continue;
            }
            if (r == 0) {
                continue;
            }

            if (!event.anyWeekday() && !event.matchesWeekday(convert().toLocalDate())) {
                day++;
                resetFrom(Field.HOUR);
                continue;
            }

            found = event.hours().atOrAfter(hour);
            r = match(found, hour);
            if (r > 0) {
                hour = found;
                resetFrom(Field.MINUTE);
            }
            if (r < 0 || (r = withinBounds()) < 0) {
                day++;
                resetFrom(Field.HOUR);
                continue;
            }
            if (r == 0) {
                continue;
            }

            found = event.minutes().atOrAfter(minute);
            r = match(found, minute);
            if (r > 0) {
                minute = found;
                resetFrom(Field.SECOND);
            }
            if (r < 0 || (r = withinBounds()) < 0) {
                hour++;
                resetFrom(Field.MINUTE);
                continue;
            }
            if (r == 0) {
                continue;
            }

            found = event.seconds().atOrAfter(partSecond ? second + 1 : second);
            r = found < 0 ? -1 : found == second && !partSecond ? 0 : 1;
            if (r > 0) {
                second = found;
                partSecond = false;
            }
            if (r < 0 || (r = withinBounds()) < 0) {
                minute++;
                second = 0;
                partSecond = false;
                continue;
            }
            if (r == 0) {
                continue;
            }
            return convert().toInstant();
        }
        throw new InvalidScheduleException("\"" + event.text() + "\": gave up looking for the next time after "
                + MAX_STEPS + " steps");
    }

    /**
     * systemd finds the days counted from the end with one mktime per item end (find_end_of_month), at the current
     * time of day. Those conversions change glibc's guess for the next one, and so which occurrence of a repeated
     * local time the search takes afterwards: done here for that effect alone.
     */
    private void lookUpMonthEnds() {
        int[] items = event.days().items();
        for (int i = 0; i < items.length; i += 2) {
            convertAt(1 - items[i]);
            convertAt(1 - items[i + 1]);
        }
    }

    private void convertAt(int dayOfNextMonth) {
        int savedMonth = month;
        int savedDay = day;
        month = savedMonth + 1;
        day = dayOfNextMonth;
        convert();
        month = savedMonth;
        day = savedDay;
    }

    private enum Field { HOUR, MINUTE, SECOND }

    private void resetFrom(Field field) {
        switch (field) {
            case HOUR:
                hour = 0;
                // fall through
            case MINUTE:
                minute = 0;
                // fall through
            default:
                second = 0;
                partSecond = false;
        }
    }

    /** -1 when no allowed value is left, 0 when the current one is allowed, 1 when a later one was found. */
    private static int match(int found, int current) {
        if (found < 0) {
            return -1;
        }
        return found == current ? 0 : 1;
    }

    /**
     * systemd's tm_within_bounds: converts the fields and compares. 1 when nothing changed; 0 when they were out of
     * range or named a local time that does not exist, in which case they now hold the converted time with the
     * field below the first changed one reset; -1 when the conversion went backwards or past 2199.
     */
    private int withinBounds() {
        if (year > CalendarEvent.MAX_YEAR) {
            return -1;
        }
        LocalDateTime t = convert().toLocalDateTime();
        // Only the one field below the first that changed is reset, as in systemd: day 43 of December continues
        // from 12 January.
        int cmp;
        if ((cmp = Integer.compare(t.getYear(), year)) != 0) {
            t = t.withMonth(1);
        } else if ((cmp = Integer.compare(t.getMonthValue(), month)) != 0) {
            t = t.withDayOfMonth(1);
        } else if ((cmp = Integer.compare(t.getDayOfMonth(), day)) != 0) {
            t = t.withHour(0);
        } else if ((cmp = Integer.compare(t.getHour(), hour)) != 0) {
            t = t.withMinute(0);
        } else if ((cmp = Integer.compare(t.getMinute(), minute)) != 0) {
            t = t.withSecond(0);
        } else {
            cmp = Integer.compare(t.getSecond(), second);
        }
        if (cmp < 0) {
            return -1;
        }
        if (cmp > 0) {
            load(t);
            return 0;
        }
        return 1;
    }

    /**
     * mktime with tm_isdst -1: the fields, normalised (day 32 is the next month's first), as an instant. A local
     * time in a gap moves forward by the gap's length; one that happens twice takes the offset of the previous
     * conversion if it can, as glibc's guess does.
     */
    private ZonedDateTime convert() {
        LocalDateTime local = LocalDateTime.of(year, 1, 1, 0, 0)
                .plusMonths(month - 1L).plusDays(day - 1L).plusHours(hour).plusMinutes(minute).plusSeconds(second);
        ZonedDateTime converted = ZonedDateTime.ofLocal(local, zone, guess);
        guess = converted.getOffset();
        return converted;
    }

    private void load(LocalDateTime t) {
        year = t.getYear();
        month = t.getMonthValue();
        day = t.getDayOfMonth();
        hour = t.getHour();
        minute = t.getMinute();
        second = t.getSecond();
    }
}
