package dev.vigil.ops;

import dev.vigil.schedule.CronSchedule;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every {@code ops} option reads a time zone, a point in time and a duration, registered once on the root
 * command. A bad value is a usage error that picocli words as "Invalid value for option '--tz' (ZONE): ...",
 * so the message names the option; the text below names the value and what would be right.
 */
public final class OpsConverters {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");

    private OpsConverters() {
    }

    /** Registers the converters on {@code cl} and every subcommand it has. */
    public static void register(CommandLine cl) {
        cl.registerConverter(ZoneId.class, OpsConverters::zone);
        cl.registerConverter(Instant.class, OpsConverters::instant);
        cl.registerConverter(Duration.class, OpsConverters::duration);
    }

    /** An IANA zone name, exactly as Vigil's cron checks take it (and with the same hint for a miscased one). */
    static ZoneId zone(String text) {
        try {
            return CronSchedule.parseZone(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** An ISO-8601 time with an offset: 2026-03-08T01:30-05:00, 2026-03-08T06:30:00Z. */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("\"" + text + "\" is not an ISO-8601 time with offset, like "
                    + "2026-03-08T01:30-05:00 or 2026-03-08T06:30Z");
        }
    }

    /**
     * A duration: a number of seconds ({@code 600}), a number with a unit ({@code 250ms}, {@code 90s},
     * {@code 10m}, {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT10M}). Negative durations do not parse.
     */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            Duration d = Duration.parse(text.strip());
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // the message below says what is accepted
        }
        throw new TypeConversionException("\"" + text + "\" is not a duration: give seconds (600) or a number "
                + "with a unit (90s, 10m, 2h, 1d)");
    }
}
