package dev.vigil.app.api;

import dev.vigil.app.checks.CheckState;
import dev.vigil.app.checks.CheckStatus;
import dev.vigil.app.checks.KeywordFilter;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.app.checks.StatusNow;
import dev.vigil.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A check as stored, with the ids of its channels (sorted).
 *
 * @param alertAfterFailures Vigil extension: the failure in a row that turns the check down (1: the first)
 * @param startDeadline      Vigil extension: seconds a started run may take, or null for the grace time
 * @param keywords           keyword filtering ({@link KeywordFilter#NONE} when off)
 */
public record CheckRow(UUID id, UUID projectId, String name, String slug, String tags, String desc, String kind,
        int timeout, int grace, String schedule, String tz, boolean manualResume, String methods, String status,
        Instant lastStart, UUID lastStartRid, Instant lastPing, Long lastDurationMs, long nPings, UUID badgeKey,
        List<UUID> channels, int alertAfterFailures, Integer startDeadline, KeywordFilter keywords) {

    /** A cron or OnCalendar check: it has a schedule expression and a time zone rather than a period. */
    public boolean hasExpression() {
        return ScheduleCache.CRON.equals(kind) || ScheduleCache.ONCALENDAR.equals(kind);
    }

    /**
     * Schedules by their stored columns, shared by every reader of rows: the dashboard's refresh asks for every
     * check's status each time, and parsing a cron expression each time was a tenth of its cost. The key is all
     * the columns the schedule is built from, so an edited check gets its new schedule.
     */
    private static final ScheduleCache SCHEDULES = new ScheduleCache();

    /** The schedule the stored columns describe, or null when they are unusable (only a hand-edited row). */
    public Schedule toSchedule() {
        return SCHEDULES.get(kind, timeout, grace, schedule, tz, id).orElse(null);
    }

    /** What the status rule and the alert rule need of the check (the failure count plays no part in either). */
    public CheckState toState() {
        return new CheckState(CheckStatus.fromDb(status), lastPing, lastStart, lastStartRid, lastDurationMs, nPings,
                manualResume, methods, toSchedule(), 0, alertAfterFailures,
                startDeadline == null ? null : Duration.ofSeconds(startDeadline));
    }

    /** The check's status at {@code now}, by the rule the alert sender follows. */
    public StatusNow statusAt(Instant now) {
        return StatusNow.of(toState(), now);
    }

    /** Whether every tag given appears among the check's space-separated tags. */
    public boolean hasTags(List<String> wanted) {
        List<String> own = tagList();
        return own.containsAll(wanted);
    }

    public List<String> tagList() {
        return tags.isBlank() ? List.of() : List.of(tags.strip().split("\\s+"));
    }

    /** Healthchecks' stable public id of a check: SHA-1 of the first 16 hex digits of its UUID. */
    public String uniqueKey() {
        return UniqueKeys.of(id);
    }
}
