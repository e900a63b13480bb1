package dev.vigil.app.api;

import dev.vigil.schedule.CronExpression;
import dev.vigil.schedule.CronSchedule;
import dev.vigil.schedule.InvalidScheduleException;
import dev.vigil.schedule.OnCalendarExpression;
import dev.vigil.schedule.ScheduleSyntax;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads check settings from a request body by Healthchecks' rules: types must match exactly (no "60" for a number,
 * no null), strings and numbers must be within their limits, and the first problem found is reported as
 * {@code json validation error: <field> <problem>}. Fields the API does not know are ignored, as Healthchecks does.
 */
public final class CheckFieldsParser {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]*");
    private static final Set<String> UNIQUE_FIELDS = Set.of("name", "slug", "tags", "timeout", "grace");

    private CheckFieldsParser() {
    }

    public static CheckFields parse(JsonObject body) {
        String name = string(body, "name", 100);
        String slug = string(body, "slug", 100);
        if (slug != null && !SLUG.matcher(slug).matches()) {
            throw ApiException.invalid("slug", "does not match pattern ^[a-z0-9-_]*$");
        }
        String tags = string(body, "tags", 500);
        String desc = string(body, "desc", 10_000);
        Integer timeout = seconds(body, "timeout");
        Integer grace = seconds(body, "grace");
        String schedule = string(body, "schedule", 100);
        String tz = string(body, "tz", 36);
        ZoneId zone = ZoneId.of("UTC");
        if (tz != null) {
            try {
                zone = CronSchedule.parseZone(tz);
            } catch (InvalidScheduleException e) {
                throw ApiException.invalid("tz", "is not a valid timezone: " + e.getMessage());
            }
        }
        if (schedule != null) {
            schedule(schedule, zone);
        }
        Boolean manualResume = bool(body, "manual_resume");
        String methods = string(body, "methods", 30);
        if (methods != null && !methods.isEmpty() && !methods.equals("POST")) {
            throw ApiException.invalid("methods", "has unexpected value (expected \"\" or \"POST\")");
        }
        String channels = string(body, "channels", 10_000);
        List<String> unique = unique(body);
        KeywordFields keywords = KeywordFields.parse(body);
        Integer alertAfterFailures = wholeNumber(body, "alert_after_failures", 1,
                CheckFields.MAX_ALERT_AFTER_FAILURES, "failures");
        Integer startDeadline = body.get("start_deadline") instanceof JsonNumber n && n.isIntegral()
                && n.longValue() == CheckFields.NO_START_DEADLINE ? Integer.valueOf(CheckFields.NO_START_DEADLINE)
                : seconds(body, "start_deadline");
        return new CheckFields(name, slug, tags, desc, timeout, grace, schedule, tz, manualResume, methods, channels,
                unique, alertAfterFailures, startDeadline, keywords);
    }

    /**
     * A cron line (five fields, one line) or OnCalendar lines, as Healthchecks tells them apart; like Healthchecks,
     * an OnCalendar schedule must elapse again (in the request's zone, or UTC).
     */
    private static void schedule(String schedule, ZoneId zone) {
        if (ScheduleSyntax.of(schedule) == ScheduleSyntax.CRON) {
            try {
                CronExpression.parse(schedule);
            } catch (InvalidScheduleException e) {
                throw ApiException.invalid("schedule", "is not a valid cron expression: " + e.getMessage());
            }
            return;
        }
        try {
            OnCalendarExpression.parse(schedule).nextAfter(Instant.now(), zone);
        } catch (InvalidScheduleException e) {
            throw ApiException.invalid("schedule", "is not a valid OnCalendar expression: " + e.getMessage());
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
        String text = s.getString();
        if (text.length() > maxLength) {
            throw ApiException.invalid(field, "is too long (at most " + maxLength + " characters)");
        }
        return text;
    }

    private static Integer seconds(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber n)) {
            throw ApiException.invalid(field, "is not a number");
        }
        BigDecimal v = n.bigDecimalValue();
        if (v.compareTo(BigDecimal.valueOf(CheckFields.MIN_SECONDS)) < 0) {
            throw ApiException.invalid(field, "is too small (at least " + CheckFields.MIN_SECONDS + " seconds)");
        }
        if (v.compareTo(BigDecimal.valueOf(CheckFields.MAX_SECONDS)) > 0) {
            throw ApiException.invalid(field, "is too large (at most " + CheckFields.MAX_SECONDS + " seconds)");
        }
        if (v.stripTrailingZeros().scale() > 0) {
            throw ApiException.invalid(field, "is not a whole number of seconds");
        }
        return v.intValueExact();
    }

    private static Integer wholeNumber(JsonObject body, String field, int min, int max, String unit) {
        JsonValue value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber n)) {
            throw ApiException.invalid(field, "is not a number");
        }
        BigDecimal v = n.bigDecimalValue();
        if (v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(min)) < 0
                || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ApiException.invalid(field, "must be a whole number of " + unit + " from " + min + " to " + max);
        }
        return v.intValueExact();
    }

    private static Boolean bool(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE
                || value.getValueType() == JsonValue.ValueType.TRUE
                || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw ApiException.invalid(field, "is not a boolean");
    }

    private static List<String> unique(JsonObject body) {
        JsonValue value = body.get("unique");
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.invalid("unique", "is not an array");
        }
        List<String> fields = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString s) || !UNIQUE_FIELDS.contains(s.getString())) {
                throw ApiException.invalid("unique", "has unexpected value (allowed: name, slug, tags, timeout, "
                        + "grace)");
            }
            fields.add(s.getString());
        }
        return List.copyOf(fields);
    }
}
