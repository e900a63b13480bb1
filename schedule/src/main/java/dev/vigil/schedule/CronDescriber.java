package dev.vigil.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * English descriptions of cron expressions, built from the parsed fields rather than the text so
 * that equivalent spellings ({@code *}{@code /15}, {@code 0,15,30,45}) read the same. Every valid
 * expression gets a description: unusual fields fall back to listing their values.
 */
final class CronDescriber {

    private static final String[] WEEKDAYS =
            {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {null, "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December"};

    private static final long ALL_MINUTES = (1L << 60) - 1;
    private static final int ALL_DAYS_OF_MONTH = ((1 << 31) - 1) << 1;
    private static final int ALL_MONTHS = ((1 << 12) - 1) << 1;
    private static final int ALL_WEEKDAYS = (1 << 7) - 1;
    // Listing every time of day reads well only while the list is short.
    private static final int MAX_LISTED_TIMES = 6;

    private CronDescriber() {
    }

    static String describe(CronExpression cron) {
        List<Integer> minutes = values(cron.minutes(), 0, 59);
        List<Integer> hours = values(cron.hours(), 0, 23);
        StringBuilder text = new StringBuilder();
        boolean clockTimes = cron.isFixedTime() && minutes.size() * hours.size() <= MAX_LISTED_TIMES;
        if (clockTimes) {
            List<String> times = new ArrayList<>();
            for (int hour : hours) {
                for (int minute : minutes) {
                    times.add(String.format(Locale.ROOT, "%02d:%02d", hour, minute));
                }
            }
            text.append("At ").append(CronParser.join(times, "and"));
        } else {
            text.append(timeWithinDay(cron, minutes, hours));
        }
        String days = days(cron);
        boolean monthsNamed = days.isEmpty() || !isSingleDate(cron);
        if (!days.isEmpty()) {
            text.append(' ').append(days);
        } else if (clockTimes) {
            text.append(" every day");
        }
        if (monthsNamed && cron.months() != ALL_MONTHS) {
            // After "…, or on Monday" a bare "in February" would seem to qualify only the weekday.
            boolean compound = days.contains(", or on ") || days.contains(", but only on ");
            text.append(compound ? ", in " : " in ")
                    .append(list(values(cron.months(), 1, 12), month -> MONTHS[month]));
        }
        return text.toString();
    }

    private static String timeWithinDay(CronExpression cron, List<Integer> minutes, List<Integer> hours) {
        int minuteStep = step(cron.minutes(), ALL_MINUTES, 0, 59);
        String minutePart;
        boolean periodic = false;
        if (minuteStep == 1) {
            minutePart = "Every minute";
            periodic = true;
        } else if (minuteStep > 1 && 60 % minuteStep == 0) {
            minutePart = "Every " + minuteStep + " minutes";
            periodic = true;
        } else if (minutes.size() == 1) {
            minutePart = "At minute " + minutes.get(0);
        } else {
            minutePart = "At minutes " + list(minutes, Integer::toString);
        }
        int hourStep = step(cron.hours(), (1L << 24) - 1, 0, 23);
        String hourPart;
        if (hourStep == 1) {
            if (periodic) {
                return minutePart;
            }
            hourPart = "every hour";
        } else if (hourStep > 1 && 24 % hourStep == 0) {
            hourPart = "every " + ordinal(hourStep) + " hour";
        } else if (hours.size() == 1) {
            hourPart = "hour " + hours.get(0);
        } else {
            hourPart = "hours " + list(hours, Integer::toString);
        }
        return minutePart + " past " + hourPart;
    }

    /** "on Monday", "on day 1 and 15 of the month, or on Monday", or "" for every day. */
    private static String days(CronExpression cron) {
        boolean allDaysOfMonth = cron.daysOfMonth() == ALL_DAYS_OF_MONTH;
        boolean allWeekdays = cron.daysOfWeek() == ALL_WEEKDAYS;
        if (!cron.daysCombineWithAnd()) {
            // Either field alone already matches every day.
            if (allDaysOfMonth || allWeekdays) {
                return "";
            }
            return "on " + daysOfMonth(cron) + ", or on " + weekdays(cron);
        }
        if (allDaysOfMonth && allWeekdays) {
            return "";
        }
        if (allDaysOfMonth) {
            return "on " + weekdays(cron);
        }
        if (allWeekdays) {
            if (isSingleDate(cron)) {
                int month = Integer.numberOfTrailingZeros(cron.months());
                return "on " + MONTHS[month] + " " + Integer.numberOfTrailingZeros(cron.daysOfMonth());
            }
            return "on " + daysOfMonth(cron);
        }
        return "on " + daysOfMonth(cron) + ", but only on " + weekdays(cron);
    }

    /** One day of one month, any weekday: reads better as "on January 1". */
    private static boolean isSingleDate(CronExpression cron) {
        return cron.daysCombineWithAnd() && cron.daysOfWeek() == ALL_WEEKDAYS
                && Integer.bitCount(cron.daysOfMonth()) == 1 && Integer.bitCount(cron.months()) == 1;
    }

    private static String daysOfMonth(CronExpression cron) {
        int step = step(daysOfMonthMask(cron), Integer.toUnsignedLong(ALL_DAYS_OF_MONTH), 1, 31);
        if (step > 1) {
            return "every " + ordinal(step) + " day of the month";
        }
        return "day " + list(values(daysOfMonthMask(cron), 1, 31), Integer::toString) + " of the month";
    }

    // Day 31 is the int's sign bit; widen without sign extension.
    private static long daysOfMonthMask(CronExpression cron) {
        return Integer.toUnsignedLong(cron.daysOfMonth());
    }

    /** Weekdays in Monday-first order, so that Friday through Sunday stays one range. */
    private static String weekdays(CronExpression cron) {
        List<Integer> mondayFirst = new ArrayList<>();
        for (int position = 1; position <= 7; position++) {
            if ((cron.daysOfWeek() & (1 << (position % 7))) != 0) {
                mondayFirst.add(position);
            }
        }
        return list(mondayFirst, position -> WEEKDAYS[position % 7]);
    }

    /**
     * n when the mask is exactly every n-th value from the field's minimum (n = 1 for all values),
     * otherwise 0.
     */
    private static int step(long mask, long all, int min, int max) {
        if (mask == all) {
            return 1;
        }
        List<Integer> values = values(mask, min, max);
        if (values.size() < 2 || values.get(0) != min) {
            return 0;
        }
        int step = values.get(1) - values.get(0);
        long expected = 0;
        for (int value = min; value <= max; value += step) {
            expected |= 1L << value;
        }
        return expected == mask ? step : 0;
    }

    private static List<Integer> values(long mask, int min, int max) {
        List<Integer> values = new ArrayList<>();
        for (int value = min; value <= max; value++) {
            if ((mask & (1L << value)) != 0) {
                values.add(value);
            }
        }
        return values;
    }

    /** "1, 5 through 9 and 20": runs of three or more consecutive values become ranges. */
    static String list(List<Integer> values, IntFunction<String> name) {
        List<String> items = new ArrayList<>();
        int i = 0;
        while (i < values.size()) {
            int end = i;
            while (end + 1 < values.size() && values.get(end + 1) == values.get(end) + 1) {
                end++;
            }
            if (end - i >= 2) {
                items.add(name.apply(values.get(i)) + " through " + name.apply(values.get(end)));
            } else {
                for (int k = i; k <= end; k++) {
                    items.add(name.apply(values.get(k)));
                }
            }
            i = end + 1;
        }
        return CronParser.join(items, "and");
    }

    static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return n + "th";
        }
        return n + switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
