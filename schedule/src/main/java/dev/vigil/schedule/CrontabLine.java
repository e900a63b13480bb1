package dev.vigil.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One job line of a crontab, split into its schedule, its user (system crontabs only) and its
 * command, for provisioning checks from existing crontabs.
 *
 * <p>The command is kept exactly as written after the separating whitespace, including any
 * {@code %} characters (which cron turns into newlines and standard input).
 */
public final class CrontabLine {

    // Longer than any line Debian's cron accepts (its command limit is 1000 characters).
    static final int MAX_LENGTH = 4096;

    // As in Debian's load_env(): a word followed by '=' makes the line a variable assignment.
    private static final Pattern ENVIRONMENT_SETTING = Pattern.compile("^[^ \t=]+[ \t]*=");

    private final CronExpression schedule;
    private final String user;
    private final String command;

    private CrontabLine(CronExpression schedule, String user, String command) {
        this.schedule = schedule;
        this.user = user;
        this.command = command;
    }

    /** A line of a user's crontab ({@code crontab -e}): {@code m h dom mon dow command}. */
    public static CrontabLine parse(String line) {
        return parse(line, false);
    }

    /**
     * A line of {@code /etc/crontab} or a file in {@code /etc/cron.d}, which name the user to run as:
     * {@code m h dom mon dow user command}.
     */
    public static CrontabLine parseSystem(String line) {
        return parse(line, true);
    }

    private static CrontabLine parse(String line, boolean withUser) {
        Objects.requireNonNull(line, "line");
        if (line.length() > MAX_LENGTH) {
            throw new InvalidScheduleException(
                    "line is too long (" + line.length() + " characters, at most " + MAX_LENGTH + ")");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new InvalidScheduleException("line contains a line break; pass one crontab line at a time");
            }
            if (c == 0) {
                throw new InvalidScheduleException("line contains a NUL character");
            }
        }
        String rest = line.strip();
        if (rest.isEmpty()) {
            throw new InvalidScheduleException("line is empty");
        }
        if (rest.startsWith("#")) {
            throw new InvalidScheduleException("line is a comment, not a job");
        }
        if (ENVIRONMENT_SETTING.matcher(rest).find()) {
            throw new InvalidScheduleException("line sets an environment variable, not a job");
        }
        int fieldCount = rest.startsWith("@") ? 1 : 5;
        List<String> fields = new ArrayList<>();
        while (fields.size() < fieldCount && !rest.isEmpty()) {
            int end = wordEnd(rest);
            fields.add(rest.substring(0, end));
            rest = rest.substring(end).strip();
        }
        CronExpression schedule;
        try {
            schedule = CronExpression.parse(String.join(" ", fields));
        } catch (InvalidCronExpressionException e) {
            throw new InvalidScheduleException("invalid schedule: " + e.getMessage(), e);
        }
        String user = null;
        if (withUser) {
            if (rest.isEmpty()) {
                throw new InvalidScheduleException("missing user and command after the schedule");
            }
            int end = wordEnd(rest);
            user = rest.substring(0, end);
            rest = rest.substring(end).strip();
        }
        if (rest.isEmpty()) {
            throw new InvalidScheduleException("missing command after the " + (withUser ? "user" : "schedule"));
        }
        return new CrontabLine(schedule, user, rest);
    }

    private static int wordEnd(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '\t') {
            end++;
        }
        return end;
    }

    public CronExpression schedule() {
        return schedule;
    }

    /** The user the job runs as; present only for lines parsed with {@link #parseSystem(String)}. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public String command() {
        return command;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CrontabLine that && schedule.equals(that.schedule)
                && Objects.equals(user, that.user) && command.equals(that.command);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schedule, user, command);
    }

    @Override
    public String toString() {
        return schedule.text() + (user == null ? "" : " " + user) + " " + command;
    }
}
