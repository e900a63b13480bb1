package dev.vigil.schedule;

import java.util.List;
import java.util.Locale;

/** The five fields of a crontab schedule, with the ranges and names Debian's cron accepts. */
enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    // 0 and 7 are both Sunday; as in cron, a name maps to its first position, so SUN is 0.
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    final String label;
    final int min;
    final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    boolean hasNames() {
        return !names.isEmpty();
    }

    /** The value a three-letter name stands for (case-insensitive), or -1. */
    int valueOfName(String name) {
        int index = names.indexOf(name.toUpperCase(Locale.ROOT));
        return index < 0 ? -1 : min + index;
    }

    /** How many values the field has: a larger step means the same as this one. */
    int size() {
        return max - min + 1;
    }

    String range() {
        return min + "-" + max;
    }

    InvalidCronExpressionException invalid(String problem) {
        return new InvalidCronExpressionException(label + " field: " + problem);
    }
}
