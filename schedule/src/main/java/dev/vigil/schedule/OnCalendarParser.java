package dev.vigil.schedule;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads OnCalendar schedules: one systemd calendar event per line ({@code [weekdays] [date] [time] [zone]}), as
 * Healthchecks accepts them in a check's {@code schedule}.
 *
 * <p>The grammar is systemd.time(7)'s, with what Healthchecks adds (a step after {@code *}, as in
 * {@code *:*&#47;10}; a step that never repeats, as in {@code 50/10}; tabs between words) and without what it
 * leaves out (fractions of a second, {@code @epoch} timestamps, the host's own zone abbreviations). Anything else
 * is refused with a message that names the line and the field.
 */
final class OnCalendarParser {

    static final int MAX_LENGTH = 1_000;
    static final int MAX_LINES = 50;

    // The shorthands, written out in systemd's normalized form.
    private static final Map<String, String> SHORTHANDS = Map.ofEntries(
            Map.entry("minutely", "*-*-* *:*:00"),
            Map.entry("hourly", "*-*-* *:00:00"),
            Map.entry("daily", "*-*-* 00:00:00"),
            Map.entry("weekly", "Mon *-*-* 00:00:00"),
            Map.entry("monthly", "*-*-01 00:00:00"),
            Map.entry("quarterly", "*-01,04,07,10-01 00:00:00"),
            Map.entry("semiannually", "*-01,07-01 00:00:00"),
            Map.entry("semi-annually", "*-01,07-01 00:00:00"),
            Map.entry("biannually", "*-01,07-01 00:00:00"),
            Map.entry("bi-annually", "*-01,07-01 00:00:00"),
            Map.entry("yearly", "*-01-01 00:00:00"),
            Map.entry("annually", "*-01-01 00:00:00"));

    private static final String[] WEEKDAY_NAMES =
            {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private static final Set<String> ZONE_NAMES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private enum Field {
        YEAR("year", CalendarEvent.MIN_YEAR, CalendarEvent.MAX_YEAR),
        MONTH("month", 1, 12),
        DAY("day", 1, 31),
        HOUR("hour", 0, 23),
        MINUTE("minute", 0, 59),
        SECOND("second", 0, 59);

        final String label;
        final int min;
        final int max;

        Field(String label, int min, int max) {
            this.label = label;
            this.min = min;
            this.max = max;
        }
    }

    private OnCalendarParser() {
    }

    static List<CalendarEvent> parse(String text) {
        Objects.requireNonNull(text, "OnCalendar expression");
        // Checked first so that hostile input costs no more than this comparison.
        if (text.length() > MAX_LENGTH) {
            throw invalid("expression is too long (" + text.length() + " characters, at most " + MAX_LENGTH + ")");
        }
        requirePrintableAscii(text);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw invalid("expression is empty");
        }
        String[] lines = trimmed.split("\n", -1);
        if (lines.length > MAX_LINES) {
            throw invalid("too many lines (" + lines.length + ", at most " + MAX_LINES + ")");
        }
        List<CalendarEvent> events = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            String where = lines.length == 1 ? "" : "line " + (i + 1) + ": ";
            try {
                events.add(parseLine(lines[i].strip()));
            } catch (InvalidOnCalendarExpressionException e) {
                throw invalid(where + e.getMessage());
            }
        }
        return List.copyOf(events);
    }

    private static void requirePrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                throw invalid("expression contains a non-ASCII character ("
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + ") at position " + (i + 1));
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                throw invalid("expression contains a control character ("
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + ") at position " + (i + 1));
            }
        }
    }

    private static CalendarEvent parseLine(String line) {
        if (line.isEmpty()) {
            throw invalid("empty line");
        }
        List<String> words = new ArrayList<>(List.of(line.split("[ \t\r]+")));
        ZoneId zone = null;
        if (words.size() > 1) {
            String last = words.get(words.size() - 1);
            zone = zone(last);
            if (zone != null) {
                words.remove(words.size() - 1);
            } else if (Character.isLetter(last.charAt(0)) && last.indexOf('/') > 0) {
                throw invalid("unknown time zone \"" + last + "\" (expected an IANA name such as Europe/Riga, or UTC)");
            }
        }
        String shorthand = words.size() == 1 ? SHORTHANDS.get(words.get(0).toLowerCase(Locale.ROOT)) : null;
        if (shorthand != null) {
            words = new ArrayList<>(List.of(shorthand.split(" ")));
        }
        if (words.size() > 3) {
            throw invalid("expected at most weekdays, a date and a time (and a time zone), got " + words.size()
                    + " words");
        }
        String time = words.get(words.size() - 1).indexOf(':') >= 0 ? words.remove(words.size() - 1) : null;
        String date = null;
        if (!words.isEmpty()) {
            String last = words.get(words.size() - 1);
            char first = last.charAt(0);
            if ((last.indexOf('-') >= 0 || last.indexOf('~') >= 0) && (first == '*' || (first >= '0' && first <= '9'))) {
                date = words.remove(words.size() - 1);
            }
        }
        String weekdays = words.isEmpty() ? null : words.remove(0);
        if (!words.isEmpty()) {
            throw invalid("\"" + words.get(0) + "\" is neither weekdays, a date, a time nor a time zone");
        }
        if (weekdays == null && date == null && time == null) {
            throw invalid("expected weekdays, a date or a time");
        }

        int weekdayBits = weekdays == null ? 0 : weekdays(weekdays);
        CalendarValues years = CalendarValues.all(Field.YEAR.min, Field.YEAR.max);
        CalendarValues months = CalendarValues.all(Field.MONTH.min, Field.MONTH.max);
        CalendarValues days = CalendarValues.all(Field.DAY.min, Field.DAY.max);
        boolean endOfMonth = false;
        if (date != null) {
            int tilde = date.indexOf('~');
            endOfMonth = tilde >= 0;
            if (endOfMonth && (date.indexOf('~', tilde + 1) >= 0 || date.indexOf('-', tilde) >= 0)) {
                throw invalid("date \"" + date + "\": ~ separates the month from the day, and only once");
            }
            String[] parts = date.split("[-~]", -1);
            if (endOfMonth && parts[parts.length - 1].equals("*")) {
                endOfMonth = false; // as systemd: "every day, counted from the end" is every day
            }
            if (parts.length == 2) {
                months = values(Field.MONTH, parts[0], false);
                days = values(Field.DAY, parts[1], endOfMonth);
            } else if (parts.length == 3 && (!endOfMonth || tilde > date.lastIndexOf('-'))) {
                years = values(Field.YEAR, parts[0], false);
                months = values(Field.MONTH, parts[1], false);
                days = values(Field.DAY, parts[2], endOfMonth);
            } else {
                throw invalid("date \"" + date + "\" must be year-month-day or month-day");
            }
        }
        CalendarValues hours = CalendarValues.of(Field.HOUR.min, Field.HOUR.max, 0);
        CalendarValues minutes = CalendarValues.of(Field.MINUTE.min, Field.MINUTE.max, 0);
        CalendarValues seconds = CalendarValues.of(Field.SECOND.min, Field.SECOND.max, 0);
        if (time != null) {
            String[] parts = time.split(":", -1);
            if (parts.length != 2 && parts.length != 3) {
                throw invalid("time \"" + time + "\" must be hour:minute or hour:minute:second");
            }
            hours = values(Field.HOUR, parts[0], false);
            minutes = values(Field.MINUTE, parts[1], false);
            if (parts.length == 3) {
                seconds = values(Field.SECOND, parts[2], false);
            }
        }
        return new CalendarEvent(line, weekdayBits, years, months, days, endOfMonth, hours, minutes, seconds, zone);
    }

    /** The zone a last word names: an IANA name as written, or UTC in any case (as systemd reads it); else null. */
    private static ZoneId zone(String word) {
        if (word.equalsIgnoreCase("UTC")) {
            return ZoneOffset.UTC;
        }
        if (ZONE_NAMES.contains(word)) {
            return ZoneId.of(word);
        }
        return null;
    }

    /** Weekday names, full or three letters, in any case; lists, ranges with .. or -, and one trailing comma. */
    private static int weekdays(String text) {
        String list = text.endsWith(",") ? text.substring(0, text.length() - 1) : text;
        int bits = 0;
        for (String item : list.split(",", -1)) {
            if (item.isEmpty()) {
                throw invalid("weekdays \"" + text + "\": empty item in the list");
            }
            String[] range = item.split("\\.\\.|-", -1);
            if (range.length > 2) {
                throw invalid("weekdays \"" + item + "\": a range has two ends");
            }
            int first = weekday(range[0], text);
            int last = range.length == 2 ? weekday(range[1], text) : first;
            if (first > last) {
                throw invalid("weekdays \"" + item + "\": range is reversed (weeks run Monday to Sunday)");
            }
            for (int d = first; d <= last; d++) {
                bits |= 1 << d;
            }
        }
        return bits;
    }

    private static int weekday(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int d = 0; d < WEEKDAY_NAMES.length; d++) {
            if (lower.equals(WEEKDAY_NAMES[d]) || lower.equals(WEEKDAY_NAMES[d].substring(0, 3))) {
                return d;
            }
        }
        throw invalid("weekdays \"" + text + "\": unknown day \"" + name + "\" (Mon, Tue, ... or Monday, ...)");
    }

    /** A field: {@code *} or a comma-separated list of {@code a}, {@code a..b}, each optionally {@code /step}. */
    private static CalendarValues values(Field field, String text, boolean fromEnd) {
        int max = fromEnd ? 28 : field.max;
        CalendarValues values = CalendarValues.none(field.min, field.max);
        if (text.isEmpty()) {
            throw fieldError(field, "is empty");
        }
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw fieldError(field, "empty item in list \"" + text + "\"");
            }
            int slash = item.indexOf('/');
            String base = slash < 0 ? item : item.substring(0, slash);
            int step = slash < 0 ? 1 : step(field, item.substring(slash + 1), item);
            int first;
            int last;
            if (base.equals("*")) {
                if (fromEnd) {
                    throw fieldError(field, "* cannot be counted from the end of the month");
                }
                first = field.min;
                last = field.max;
            } else {
                int dots = base.indexOf("..");
                if (dots < 0) {
                    first = value(field, base, item, max);
                    last = slash < 0 ? first : max;
                } else {
                    first = value(field, base.substring(0, dots), item, max);
                    last = value(field, base.substring(dots + 2), item, max);
                    if (first > last) {
                        throw fieldError(field, "range " + base + " is reversed");
                    }
                }
            }
            boolean open = slash >= 0 && !base.equals("*") && base.indexOf("..") < 0;
            if (fromEnd && open) {
                // ~7/2 counts backwards from the 7th last day: 7, 5, 3, 1.
                for (int v = first; v >= 1; v -= step) {
                    values.set(v);
                }
            } else {
                for (int v = first; v <= last; v += step) {
                    values.set(v);
                }
            }
            if (fromEnd) {
                int stop = base.indexOf("..") < 0 ? -1 : last - (last - first) % step;
                values.addItem(first, stop);
            }
            // Where systemd accepts a/r, it keeps repeating past the end of the field; Healthchecks also takes
            // a/r that cannot repeat (50/10 in minutes), which is just a.
            if (open && (fromEnd ? first - step >= field.min : first + step <= field.max)) {
                values.addOpenRepetition(first, step);
            }
        }
        return values;
    }

    private static int step(Field field, String token, String item) {
        if (token.indexOf('.') >= 0) {
            throw fieldError(field, "\"" + item + "\": fractions are not supported");
        }
        if (!CronParser.isDigits(token) || CronParser.number(token) == 0) {
            throw fieldError(field, "\"" + item + "\": the repetition must be a positive number");
        }
        long step = CronParser.number(token);
        if (step > field.max - field.min) {
            throw fieldError(field, "\"" + item + "\": repetition " + token + " is larger than the field's range "
                    + field.min + ".." + field.max);
        }
        return (int) step;
    }

    private static int value(Field field, String token, String item, int max) {
        if (token.isEmpty()) {
            throw fieldError(field, "missing value in \"" + item + "\"");
        }
        if (token.indexOf('.') >= 0) {
            throw fieldError(field, "\"" + item + "\": fractions are not supported");
        }
        if (!CronParser.isDigits(token)) {
            throw fieldError(field, "invalid value \"" + token + "\"" + (token.equals(item) ? "" : " in \"" + item + "\""));
        }
        long number = CronParser.number(token);
        if (field == Field.YEAR && number < 100) {
            number += number < 70 ? 2000 : 1900; // as systemd: 26 is 2026, 99 is 1999
        }
        if (number < field.min || number > max) {
            String range = field.min + ".." + max;
            throw fieldError(field, "value " + token + " is out of range " + range
                    + (max < field.max ? " (counted from the end of the month)" : ""));
        }
        return (int) number;
    }

    private static InvalidOnCalendarExpressionException fieldError(Field field, String problem) {
        return invalid(field.label + " field: " + problem);
    }

    private static InvalidOnCalendarExpressionException invalid(String message) {
        return new InvalidOnCalendarExpressionException(message);
    }
}
