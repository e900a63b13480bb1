package dev.vigil.app.api;

import java.util.List;

/**
 * The check settings a create or update request carries; null means "not in the request" (an update keeps the
 * current value, a create takes the default). Every value present has passed {@link CheckFieldsParser}'s rules.
 *
 * @param timeout  period of a simple schedule, seconds; sets the check to the simple kind
 * @param schedule cron expression; sets the check to the cron kind and wins over {@code timeout}
 * @param channels "*", "" or a comma-separated list of channel ids or names, resolved against the project later
 * @param unique   the fields that identify an existing check for create-or-update, or null
 * @param alertAfterFailures Vigil extension, 1..100
 * @param startDeadline      Vigil extension, seconds; {@link #NO_START_DEADLINE} removes it
 * @param keywords           keyword filtering ({@link KeywordFields#ABSENT} when the request has none of its fields)
 */
public record CheckFields(String name, String slug, String tags, String desc, Integer timeout, Integer grace,
        String schedule, String tz, Boolean manualResume, String methods, String channels, List<String> unique,
        Integer alertAfterFailures, Integer startDeadline, KeywordFields keywords) {

    /** {@code "start_deadline": 0} in a request: back to the grace time. */
    public static final int NO_START_DEADLINE = 0;
    public static final int MAX_ALERT_AFTER_FAILURES = 100;

    public static final int MIN_SECONDS = 60;
    public static final int MAX_SECONDS = 31_536_000;
    public static final int DEFAULT_TIMEOUT = 86_400;
    public static final int DEFAULT_GRACE = 3_600;
}
