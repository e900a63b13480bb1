package dev.vigil.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A five-field cron schedule with the semantics of Debian's cron (vixie cron 3.0 with Debian's
 * patches): which wall-clock minutes match, how day-of-month and day-of-week combine, and when jobs
 * actually run around daylight-saving transitions.
 *
 * <p>Immutable. Two expressions are equal when their parsed fields are equal, so {@code 0 0 * * 7}
 * equals {@code 0 0 * * 0} and {@code @daily} equals {@code 0 0 * * *}; {@link #text()} keeps the
 * text as written (whitespace normalised).
 */
public final class CronExpression implements ScheduleExpression {

    private final String text;
    // One bit per allowed value: bit 5 of minutes set means minute 5 matches. Weekdays use 0-6, Sunday = 0.
    private final long minutes;
    private final int hours;
    private final int daysOfMonth;
    private final int months;
    private final int daysOfWeek;
    // Whether the field was written starting with '*' (Debian's *_STAR flags); they change behaviour.
    private final boolean minuteStar;
    private final boolean hourStar;
    private final boolean dayOfMonthStar;
    private final boolean dayOfWeekStar;

    CronExpression(String text, long minutes, int hours, int daysOfMonth, int months, int daysOfWeek,
            boolean minuteStar, boolean hourStar, boolean dayOfMonthStar, boolean dayOfWeekStar) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.minuteStar = minuteStar;
        this.hourStar = hourStar;
        this.dayOfMonthStar = dayOfMonthStar;
        this.dayOfWeekStar = dayOfWeekStar;
    }

    /**
     * Parses a five-field expression ({@code m h dom mon dow}) or one of Debian's aliases
     * ({@code @daily} and friends; {@code @reboot} is rejected).
     *
     * @throws InvalidCronExpressionException naming the field and the problem
     */
    public static CronExpression parse(String text) {
        return CronParser.parse(text);
    }

    /**
     * The first time after {@code after} (strictly) at which Debian's cron, running in {@code zone},
     * would start the job. Around daylight-saving transitions this follows Debian: a fixed-time job
     * (see {@link #isFixedTime()}) whose time is skipped runs at the transition and runs only once
     * when an hour repeats; wildcard jobs follow the wall clock.
     *
     * @throws InvalidScheduleException if the job cannot run in this zone for 400 years, which only
     *         happens when every matching time falls into a daylight-saving gap
     * @throws IllegalArgumentException if {@code after} is outside the years 1 to 9999
     */
    public Instant nextAfter(Instant after, ZoneId zone) {
        return FireTimes.nextAfter(this, after, zone);
    }

    /** An English description such as "At 09:00 on Monday through Friday". */
    public String describe() {
        return CronDescriber.describe(this);
    }

    /**
     * Whether Debian treats this as a fixed-time job: neither the minute nor the hour field starts
     * with {@code *}. Fixed-time jobs run once when clocks go back and catch up when clocks skip their
     * time; the others follow the wall clock.
     */
    public boolean isFixedTime() {
        return !minuteStar && !hourStar;
    }

    /** The expression as written, with runs of whitespace reduced to one space. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression that
                && minutes == that.minutes && hours == that.hours && daysOfMonth == that.daysOfMonth
                && months == that.months && daysOfWeek == that.daysOfWeek
                && minuteStar == that.minuteStar && hourStar == that.hourStar
                && dayOfMonthStar == that.dayOfMonthStar && dayOfWeekStar == that.dayOfWeekStar;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minutes, hours, daysOfMonth, months, daysOfWeek,
                minuteStar, hourStar, dayOfMonthStar, dayOfWeekStar);
    }

    /**
     * Vixie cron's rule: when either day field starts with '*', a day must match both fields;
     * otherwise matching either is enough. So {@code 0 0 1,15 * MON} runs on the 1st, the 15th and
     * every Monday, while <code>0 0 *&#47;2 * MON</code> runs only on Mondays with an odd day number.
     */
    boolean daysCombineWithAnd() {
        return dayOfMonthStar || dayOfWeekStar;
    }

    boolean matchesDay(LocalDate date) {
        boolean dayOfMonth = (daysOfMonth & (1 << date.getDayOfMonth())) != 0;
        boolean dayOfWeek = (daysOfWeek & (1 << (date.getDayOfWeek().getValue() % 7))) != 0;
        return daysCombineWithAnd() ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }

    /**
     * The first matching wall-clock minute at or after {@code from} and before {@code limit}, or null.
     * Skips whole months, days and hours using the masks, so a sparse schedule costs a few hundred
     * steps per decade rather than one step per minute.
     */
    LocalDateTime firstMatch(LocalDateTime from, LocalDateTime limit) {
        LocalDate date = from.toLocalDate();
        int hour = from.getHour();
        int minute = from.getMinute();
        LocalDate lastDate = limit.toLocalDate();
        while (!date.isAfter(lastDate)) {
            if ((months & (1 << date.getMonthValue())) == 0) {
                date = date.withDayOfMonth(1).plusMonths(1);
                hour = 0;
                minute = 0;
                continue;
            }
            if (!matchesDay(date)) {
                date = date.plusDays(1);
                hour = 0;
                minute = 0;
                continue;
            }
            int matchingHour = nextBit(hours, hour);
            if (matchingHour < 0) {
                date = date.plusDays(1);
                hour = 0;
                minute = 0;
                continue;
            }
            int matchingMinute = nextBit(minutes, matchingHour == hour ? minute : 0);
            if (matchingMinute < 0) {
                hour = matchingHour + 1;
                minute = 0;
                if (hour == 24) {
                    date = date.plusDays(1);
                    hour = 0;
                }
                continue;
            }
            LocalDateTime match = date.atTime(matchingHour, matchingMinute);
            return match.isBefore(limit) ? match : null;
        }
        return null;
    }

    /** The lowest set bit at or above {@code from}, or -1. */
    private static int nextBit(long mask, int from) {
        long remaining = mask & (-1L << from);
        return remaining == 0 ? -1 : Long.numberOfTrailingZeros(remaining);
    }

    long minutes() {
        return minutes;
    }

    int hours() {
        return hours;
    }

    int daysOfMonth() {
        return daysOfMonth;
    }

    int months() {
        return months;
    }

    int daysOfWeek() {
        return daysOfWeek;
    }

    boolean minuteStar() {
        return minuteStar;
    }

    boolean hourStar() {
        return hourStar;
    }
}
