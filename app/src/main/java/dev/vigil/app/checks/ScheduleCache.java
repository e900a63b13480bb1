package dev.vigil.app.checks;

import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.OnCalendarSchedule;
import dev.vigil.schedule.PeriodSchedule;
import dev.vigil.schedule.Schedule;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Schedules built from a check's stored columns ({@code kind} simple, cron or oncalendar), kept so that the ping path
 * parses each cron or OnCalendar expression once. An
 * unusable stored schedule (it cannot be created through the API, but a hand-edited row could hold one) is logged
 * and yields empty: the ping is still recorded, the check just has no due time.
 */
public final class ScheduleCache {

    private static final Logger LOG = Logger.getLogger(ScheduleCache.class.getName());
    private static final int MAX_ENTRIES = 50_000;
    public static final String CRON = "cron";
    public static final String ONCALENDAR = "oncalendar";

    private record Key(String kind, int timeoutSeconds, int graceSeconds, String expression, String zone) {
    }

    private final Map<Key, Optional<Schedule>> cache = new ConcurrentHashMap<>();

    public Optional<Schedule> get(String kind, int timeoutSeconds, int graceSeconds, String expression, String zone,
            Object checkId) {
        boolean expressed = CRON.equals(kind) || ONCALENDAR.equals(kind);
        Key key = new Key(kind, timeoutSeconds, graceSeconds, expressed ? expression : "", expressed ? zone : "");
        Optional<Schedule> s = cache.get(key);
        if (s == null) {
            s = build(key, checkId);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear(); // crude but bounded; rebuilding costs microseconds
            }
            cache.put(key, s);
        }
        return s;
    }

    /** The one reading of the stored columns. @throws IllegalArgumentException when they make no schedule */
    public static Schedule build(String kind, int timeoutSeconds, int graceSeconds, String expression, String zone) {
        Duration grace = Duration.ofSeconds(graceSeconds);
        return switch (kind) {
            case CRON -> CronSchedule.of(expression, zone, grace);
            case ONCALENDAR -> OnCalendarSchedule.of(expression, zone, grace);
            default -> new PeriodSchedule(Duration.ofSeconds(timeoutSeconds), grace);
        };
    }

    private static Optional<Schedule> build(Key k, Object checkId) {
        try {
            return Optional.of(build(k.kind(), k.timeoutSeconds(), k.graceSeconds(), k.expression(), k.zone()));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "check " + checkId + " has an unusable schedule (" + e.getMessage()
                    + "); it will not go down until the schedule is fixed");
            return Optional.empty();
        }
    }
}
