package dev.vigil.app.api;

import dev.vigil.app.holds.MaintenanceWindow;
import dev.vigil.app.holds.MaintenanceWindow.Scope;
import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.InvalidScheduleException;
import dev.vigil.schedule.ScheduleExpression;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads a maintenance window from a request body (Vigil extension, docs/api.md "Maintenance windows"): at most one of
 * {@code check} (a UUID) and {@code tag} (neither: the whole project); {@code start} and {@code end}, or
 * {@code schedule}, {@code tz} and {@code duration}; a {@code reason}. The first problem is reported by field.
 */
final class WindowFieldsParser {

    private WindowFieldsParser() {
    }

    static MaintenanceWindow parse(JsonObject body, UUID id, Instant now) {
        String check = string(body, "check", 36);
        String tag = string(body, "tag", 100);
        if (check != null && tag != null) {
            throw ApiException.badRequest("invalid window: give check or tag, not both (neither: the whole project)");
        }
        Scope scope = Scope.PROJECT;
        String target = "";
        if (check != null) {
            try {
                target = UUID.fromString(check).toString();
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("check", "is not a UUID");
            }
            scope = Scope.CHECK;
        } else if (tag != null) {
            if (tag.isBlank() || tag.strip().contains(" ")) {
                throw ApiException.invalid("tag", "must be one tag (no spaces)");
            }
            scope = Scope.TAG;
            target = tag.strip();
        }
        String reason = string(body, "reason", 200);
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason", "is missing (say why checks are quiet, for the log)");
        }
        String schedule = string(body, "schedule", 100);
        Instant start = time(body, "start");
        Instant end = time(body, "end");
        try {
            if (schedule == null) {
                if (body.containsKey("tz") || body.containsKey("duration")) {
                    throw ApiException.badRequest("invalid window: tz and duration go with schedule");
                }
                if (start == null || end == null) {
                    throw ApiException.badRequest("invalid window: give start and end, or schedule and duration");
                }
                if (!end.isAfter(now)) {
                    throw ApiException.invalid("end", "is in the past");
                }
                return MaintenanceWindow.oneOff(id, scope, target, start, end, reason);
            }
            ScheduleExpression expression;
            ZoneId zone;
            try {
                zone = CronSchedule.parseZone(body.containsKey("tz") ? string(body, "tz", 36) : "UTC");
            } catch (InvalidScheduleException e) {
                throw ApiException.invalid("tz", "is not a valid timezone: " + e.getMessage());
            }
            try {
                expression = ScheduleExpression.parse(schedule);
                expression.nextAfter(now, zone);
            } catch (InvalidScheduleException e) {
                throw ApiException.invalid("schedule", "is not a valid cron or OnCalendar expression: "
                        + e.getMessage());
            }
            return MaintenanceWindow.recurring(id, scope, target, expression, zone, duration(body), reason);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid window: " + e.getMessage());
        }
    }

    private static Duration duration(JsonObject body) {
        JsonValue value = body.get("duration");
        if (value == null) {
            throw ApiException.invalid("duration", "is missing (seconds each opening lasts)");
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
            throw ApiException.invalid("duration", "is not a whole number of seconds");
        }
        return Duration.ofSeconds(n.longValue());
    }

    private static Instant time(JsonObject body, String field) {
        String text = string(body, field, 40);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "is not an ISO 8601 time with an offset (2026-12-24T22:00:00+00:00)");
        }
    }

    private static String string(JsonObject body, String field, int maxLength) {
        JsonValue value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw ApiException.invalid(field, "is not a string");
        }
        if (s.getString().length() > maxLength) {
            throw ApiException.invalid(field, "is too long (at most " + maxLength + " characters)");
        }
        if (s.getString().indexOf('\0') >= 0) {
            throw ApiException.invalid(field, "contains a NUL character"); // PostgreSQL text cannot hold one
        }
        return s.getString();
    }
}
