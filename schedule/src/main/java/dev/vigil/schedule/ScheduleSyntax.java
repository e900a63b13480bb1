package dev.vigil.schedule;

import java.util.Objects;

/**
 * Which language a schedule's text is written in, decided as Healthchecks decides it: a single line of exactly five
 * whitespace-separated fields is a cron expression, anything else an OnCalendar one. Vigil adds cron's
 * {@code @daily} and friends (one word starting with {@code @}), which no OnCalendar expression can be.
 */
public enum ScheduleSyntax {
    CRON,
    ONCALENDAR;

    public static ScheduleSyntax of(String text) {
        Objects.requireNonNull(text, "schedule");
        String trimmed = text.strip();
        if (trimmed.indexOf('\n') >= 0) {
            return ONCALENDAR;
        }
        String[] words = trimmed.split("\\s+");
        return words.length == 5 || (words.length == 1 && trimmed.startsWith("@")) ? CRON : ONCALENDAR;
    }
}
