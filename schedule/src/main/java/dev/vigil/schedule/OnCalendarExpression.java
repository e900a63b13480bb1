package dev.vigil.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An OnCalendar schedule: one or more systemd calendar events (systemd.time(7)), one per line, as a systemd timer
 * with several {@code OnCalendar=} lines or a Healthchecks check with an OnCalendar schedule has them. The schedule
 * fires whenever any of its lines does; each line may end with its own time zone.
 *
 * <p>Immutable. {@link #text()} keeps the text as written (lines stripped).
 */
public final class OnCalendarExpression implements ScheduleExpression {

    private final String text;
    private final List<CalendarEvent> events;

    private OnCalendarExpression(String text, List<CalendarEvent> events) {
        this.text = text;
        this.events = events;
    }

    /**
     * Parses one event per line, such as {@code Mon..Fri *-*-* 02:30:00}, {@code *:0/15}, {@code *-*~01 12:00}
     * or {@code daily Europe/Riga}.
     *
     * @throws InvalidOnCalendarExpressionException naming the line, the field and the problem
     */
    public static OnCalendarExpression parse(String text) {
        List<CalendarEvent> events = OnCalendarParser.parse(text);
        return new OnCalendarExpression(
                events.stream().map(CalendarEvent::text).collect(Collectors.joining("\n")), events);
    }

    /**
     * The first whole second strictly after {@code after} at which a systemd timer with these lines, on a machine in
     * {@code zone}, elapses: the earliest over all lines. Lines that name a zone use theirs. Local times that do not
     * exist (clocks going forward) are skipped; a local time that happens twice (clocks going back) elapses once, at
     * its first occurrence — systemd's rule, not cron's.
     *
     * @throws InvalidScheduleException if no line elapses again before the year 2200
     */
    public Instant nextAfter(Instant after, ZoneId zone) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(zone, "zone");
        Instant earliest = null;
        for (CalendarEvent event : events) {
            Instant next = event.nextAfter(after, zone);
            if (next != null && (earliest == null || next.isBefore(earliest))) {
                earliest = next;
            }
        }
        if (earliest == null) {
            String where = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
            throw new InvalidScheduleException("\"" + text.replace("\n", "; ") + "\" does not elapse in " + where
                    + " after " + after.truncatedTo(ChronoUnit.SECONDS)
                    + " (systemd looks no further than the year 2199)");
        }
        return earliest;
    }

    /** An English description such as "At 02:30 on Monday through Friday", one sentence per line. */
    public String describe() {
        return OnCalendarDescriber.describe(events);
    }

    /** The lines as written, stripped, joined with {@code \n}. */
    public String text() {
        return text;
    }

    List<CalendarEvent> events() {
        return events;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OnCalendarExpression that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
