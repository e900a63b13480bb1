package dev.vigil.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns crontab schedule text into a {@link CronExpression} the way Debian's cron reads it.
 *
 * <p>Debian's parser (vixie cron 3.0) skips junk after a valid item ({@code 5x}), stops at the first
 * bad item of a list, and lets reversed ranges or day 30 of February through as fields that never
 * match. Vigil validates schedules for people, so all of those are errors here, with a message that
 * says which field is wrong and why.
 */
final class CronParser {

    static final int MAX_LENGTH = 256;

    private static final String FIELD_NAMES = "minute hour day-of-month month day-of-week";

    // Debian's shortcuts, written out; the written-out forms set the same star flags as Debian does.
    private static final Map<String, String> ALIASES = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private static final String ALIAS_LIST = "@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly";

    private static final int[] DAYS_IN_MONTH = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private static final String[] MONTH_NAMES = {null, "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December"};

    private CronParser() {
    }

    static CronExpression parse(String text) {
        Objects.requireNonNull(text, "cron expression");
        // Checked first so that hostile input costs no more than this comparison.
        if (text.length() > MAX_LENGTH) {
            throw new InvalidCronExpressionException(
                    "expression is too long (" + text.length() + " characters, at most " + MAX_LENGTH + ")");
        }
        requirePlainAscii(text);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidCronExpressionException("expression is empty");
        }
        String[] words = trimmed.split("[ \t]+");
        if (words[0].startsWith("@")) {
            return parseAlias(words);
        }
        if (words.length != 5) {
            throw new InvalidCronExpressionException(
                    "expected 5 fields (" + FIELD_NAMES + "), got " + words.length);
        }
        return parseFields(String.join(" ", words), words);
    }

    private static void requirePlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                throw new InvalidCronExpressionException(
                        "expression contains a non-ASCII character (" + codePoint(c) + ") at position " + (i + 1));
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new InvalidCronExpressionException(
                        "expression contains a control character (" + codePoint(c) + ") at position " + (i + 1));
            }
        }
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    private static CronExpression parseAlias(String[] words) {
        String alias = words[0];
        if (alias.equals("@reboot")) {
            throw new InvalidCronExpressionException("@reboot has no schedule to monitor");
        }
        String expansion = ALIASES.get(alias);
        if (expansion == null) {
            String lower = alias.toLowerCase(Locale.ROOT);
            String hint = ALIASES.containsKey(lower) || lower.equals("@reboot")
                    ? "aliases are lower-case, e.g. " + lower
                    : "expected one of " + ALIAS_LIST;
            throw new InvalidCronExpressionException("unknown alias \"" + alias + "\" (" + hint + ")");
        }
        if (words.length > 1) {
            throw new InvalidCronExpressionException(
                    alias + " must stand alone, got " + (words.length - 1) + " more field(s) after it");
        }
        return parseFields(alias, expansion.split(" "));
    }

    private static CronExpression parseFields(String text, String[] fields) {
        long minutes = parseField(CronField.MINUTE, fields[0]);
        long hours = parseField(CronField.HOUR, fields[1]);
        long daysOfMonth = parseField(CronField.DAY_OF_MONTH, fields[2]);
        long months = parseField(CronField.MONTH, fields[3]);
        long daysOfWeek = parseField(CronField.DAY_OF_WEEK, fields[4]);
        // 7 is another name for Sunday; keep weekdays as 0 (Sunday) to 6 like java.time's value % 7.
        if ((daysOfWeek & (1L << 7)) != 0) {
            daysOfWeek = (daysOfWeek & ~(1L << 7)) | 1L;
        }
        // Debian's MIN_STAR, HR_STAR, DOM_STAR and DOW_STAR: set when the field *starts* with '*'.
        CronExpression expression = new CronExpression(text, minutes, (int) hours, (int) daysOfMonth, (int) months,
                (int) daysOfWeek, fields[0].startsWith("*"), fields[1].startsWith("*"),
                fields[2].startsWith("*"), fields[4].startsWith("*"));
        requireSomeDay(expression, daysOfMonth, months);
        return expression;
    }

    /**
     * Rejects day/month combinations that never occur. Only the AND rule can make that happen: under
     * the OR rule the weekday alone matches some day of every month. Every valid date falls on every
     * weekday within the 400-year Gregorian cycle, so the weekday never makes a date impossible.
     */
    private static void requireSomeDay(CronExpression expression, long daysOfMonth, long months) {
        if (!expression.daysCombineWithAnd()) {
            return;
        }
        for (int month = 1; month <= 12; month++) {
            if ((months & (1L << month)) != 0 && (daysOfMonth & ((1L << (DAYS_IN_MONTH[month] + 1)) - 1)) != 0) {
                return;
            }
        }
        List<String> days = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            if ((daysOfMonth & (1L << day)) != 0) {
                days.add(Integer.toString(day));
            }
        }
        List<String> monthNames = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            if ((months & (1L << month)) != 0) {
                monthNames.add(MONTH_NAMES[month]);
            }
        }
        String subject = days.size() == 1 ? "day " + days.get(0) + " does" : "days " + join(days, "and") + " do";
        throw new InvalidCronExpressionException(
                "expression can never fire (" + subject + " not exist in " + join(monthNames, "or") + ")");
    }

    static String join(List<String> items, String conjunction) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
                + items.get(items.size() - 1);
    }

    private static long parseField(CronField field, String text) {
        long mask = 0;
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw field.invalid("empty item in list \"" + text + "\"");
            }
            mask |= parseItem(field, item);
        }
        return mask;
    }

    /** One list item: {@code *}, {@code a}, {@code a-b}, each optionally followed by {@code /step}. */
    private static long parseItem(CronField field, String item) {
        int slash = item.indexOf('/');
        String base = slash < 0 ? item : item.substring(0, slash);
        if (base.isEmpty()) {
            throw field.invalid("\"" + item + "\" has nothing before the step (write */" + item.substring(1) + ")");
        }
        int first;
        int last;
        if (base.equals("*")) {
            first = field.min;
            last = field.max;
        } else {
            int dash = base.indexOf('-');
            if (dash < 0) {
                first = value(field, base, item);
                // Debian reads "a/n" as "a-max/n".
                last = slash < 0 ? first : field.max;
            } else {
                first = value(field, base.substring(0, dash), item);
                last = value(field, base.substring(dash + 1), item);
                if (first > last) {
                    String hint = field == CronField.DAY_OF_WEEK && last == 0
                            ? " (write Sunday as 7 at the end of a range)" : "";
                    throw field.invalid("range " + base + " is reversed" + hint);
                }
            }
        }
        int step = slash < 0 ? 1 : step(field, item.substring(slash + 1));
        long bits = 0;
        for (int value = first; value <= last; value += step) {
            bits |= 1L << value;
        }
        return bits;
    }

    private static int value(CronField field, String token, String item) {
        if (token.isEmpty()) {
            throw field.invalid("missing value in \"" + item + "\"");
        }
        if (isDigits(token)) {
            long number = number(token);
            if (number < field.min || number > field.max) {
                throw field.invalid("value " + token + " is out of range " + field.range());
            }
            return (int) number;
        }
        if (isLetters(token)) {
            if (!field.hasNames()) {
                throw field.invalid("\"" + token + "\" is not a number" + quartzHint(token));
            }
            int value = field.valueOfName(token);
            if (value < 0) {
                String hint = token.length() > 3 && field.valueOfName(token.substring(0, 3)) >= 0
                        ? " (names have three letters, e.g. " + token.substring(0, 3).toUpperCase(Locale.ROOT) + ")"
                        : quartzHint(token);
                throw field.invalid("unknown name \"" + token + "\"" + hint);
            }
            return value;
        }
        String where = token.equals(item) ? "" : " in \"" + item + "\"";
        throw field.invalid("invalid value \"" + token + "\"" + where + quartzHint(token));
    }

    /**
     * A step larger than the field's range is valid, as in Debian cron and Healthchecks: it keeps only the first
     * value ({@code *}{@code /100} in the minute field is minute 0; {@code 0 0 *}{@code /100,1-7 * MON}, a day-of-month
     * that starts with {@code *}, is the first Monday). Any such step means the same, so it is capped at the range.
     */
    private static int step(CronField field, String token) {
        if (!isDigits(token) || number(token) == 0) {
            throw field.invalid("step must be a positive number");
        }
        return (int) Math.min(number(token), field.size());
    }

    /** The value of a digit string, saturating at Long.MAX_VALUE so that huge numbers stay huge. */
    static long number(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 10 + (digits.charAt(i) - '0');
            if (value > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
        }
        return value;
    }

    // Quartz and Spring syntax is the most common thing people paste into a crontab field.
    private static String quartzHint(String token) {
        boolean quartz = token.indexOf('?') >= 0 || token.indexOf('#') >= 0
                || token.matches("(?i)(\\d*L|\\d*W|LW)");
        return quartz ? " (Quartz-style L, W, # and ? are not supported)" : "";
    }

    static boolean isDigits(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetters(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }
}
