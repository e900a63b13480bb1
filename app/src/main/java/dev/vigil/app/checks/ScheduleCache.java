package dev.vigil.app.checks;

import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.PeriodSchedule;
import dev.vigil.schedule.Schedule;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Schedules built from a check's stored columns, kept so that the ping path parses each cron expression once. An
 * unusable stored schedule (it cannot be created through the API, but a hand-edited row could hold one) is logged
 * and yields empty: the ping is still recorded, the check just has no due time.
 */
public final class ScheduleCache {

    private static final Logger LOG = Logger.getLogger(ScheduleCache.class.getName());
    private static final int MAX_ENTRIES = 50_000;

    private record Key(String kind, int timeoutSeconds, int graceSeconds, String expression, String zone) {
    }

    private final Map<Key, Optional<Schedule>> cache = new ConcurrentHashMap<>();

    public Optional<Schedule> get(String kind, int timeoutSeconds, int graceSeconds, String expression, String zone,
            Object checkId) {
        Key key = new Key(kind, timeoutSeconds, graceSeconds, "cron".equals(kind) ? expression : "",
                "cron".equals(kind) ? zone : "");
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

    private static Optional<Schedule> build(Key k, Object checkId) {
        try {
            Duration grace = Duration.ofSeconds(k.graceSeconds());
            return Optional.of("cron".equals(k.kind())
                    ? CronSchedule.of(k.expression(), k.zone(), grace)
                    : new PeriodSchedule(Duration.ofSeconds(k.timeoutSeconds()), grace));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "check " + checkId + " has an unusable schedule (" + e.getMessage()
                    + "); it will not go down until the schedule is fixed");
            return Optional.empty();
        }
    }
}
