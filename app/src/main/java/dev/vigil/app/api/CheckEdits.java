package dev.vigil.app.api;

import dev.vigil.app.checks.PingRules;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.schedule.ScheduleSyntax;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** How a create or update request changes a check, and which existing check a create-or-update matches. */
public final class CheckEdits {

    private CheckEdits() {
    }

    /**
     * The check with every field present in the request applied; a schedule makes it a cron or an OnCalendar check
     * (decided as Healthchecks does), a timeout alone a simple one.
     */
    public static CheckRow apply(CheckRow r, CheckFields f) {
        String kind = r.kind();
        if (f.schedule() != null) {
            kind = ScheduleSyntax.of(f.schedule()) == ScheduleSyntax.CRON ? ScheduleCache.CRON : ScheduleCache.ONCALENDAR;
        } else if (f.timeout() != null) {
            kind = "simple";
        }
        return new CheckRow(r.id(), r.projectId(), or(f.name(), r.name()), or(f.slug(), r.slug()),
                or(f.tags(), r.tags()), or(f.desc(), r.desc()), kind, or(f.timeout(), r.timeout()),
                or(f.grace(), r.grace()), or(f.schedule(), r.schedule()), or(f.tz(), r.tz()),
                or(f.manualResume(), r.manualResume()), or(f.methods(), r.methods()), r.status(), r.lastStart(),
                r.lastStartRid(), r.lastPing(), r.lastDurationMs(), r.nPings(), r.badgeKey(), r.channels(),
                or(f.alertAfterFailures(), r.alertAfterFailures()), startDeadline(f, r),
                f.keywords().applyTo(r.keywords()));
    }

    private static Integer startDeadline(CheckFields f, CheckRow r) {
        if (f.startDeadline() == null) {
            return r.startDeadline();
        }
        return f.startDeadline() == CheckFields.NO_START_DEADLINE ? null : f.startDeadline();
    }

    /**
     * Whether {@code r} is the check a create with {@code unique} refers to: every listed field must be in the
     * request and equal the check's. Returns false when a listed field is missing from the request.
     */
    public static boolean matches(CheckRow r, CheckFields f, List<String> unique) {
        for (String field : unique) {
            Object wanted = switch (field) {
                case "name" -> f.name();
                case "slug" -> f.slug();
                case "tags" -> f.tags();
                case "timeout" -> f.timeout();
                case "grace" -> f.grace();
                default -> throw new IllegalArgumentException(field);
            };
            Object actual = switch (field) {
                case "name" -> r.name();
                case "slug" -> r.slug();
                case "tags" -> r.tags();
                case "timeout" -> r.timeout();
                default -> r.grace();
            };
            if (wanted == null || !Objects.equals(wanted, actual)) {
                return false;
            }
        }
        return true;
    }

    /** When the alert sender must look at the check next, by the same rule the ping path uses. */
    public static Instant alertAfter(CheckRow r) {
        return PingRules.alertAfter(r.toState());
    }

    /** Paused: no run in progress, nothing due. */
    public static CheckRow paused(CheckRow r) {
        return withState(r, "paused", null, r.lastPing());
    }

    /** Resumed: new again, as if never pinged. */
    public static CheckRow resumed(CheckRow r) {
        return withState(r, "new", null, null);
    }

    private static CheckRow withState(CheckRow r, String status, Instant lastStart, Instant lastPing) {
        return new CheckRow(r.id(), r.projectId(), r.name(), r.slug(), r.tags(), r.desc(), r.kind(), r.timeout(),
                r.grace(), r.schedule(), r.tz(), r.manualResume(), r.methods(), status, lastStart, null, lastPing,
                r.lastDurationMs(), r.nPings(), r.badgeKey(), r.channels(), r.alertAfterFailures(), r.startDeadline(),
                r.keywords());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
