package dev.vigil.app.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckFieldsParserTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void refused(String body, String message) {
        assertThatThrownBy(() -> CheckFieldsParser.parse(json(body)))
                .isInstanceOf(ApiException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void anEmptyBodyChangesNothing() {
        CheckFields f = CheckFieldsParser.parse(json("{}"));
        assertThat(f).isEqualTo(new CheckFields(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, KeywordFields.ABSENT));
    }

    @Test
    void readsEveryField() {
        CheckFields f = CheckFieldsParser.parse(json("{\"name\": \"Backups\", \"slug\": \"backups_1-a\", \"tags\": "
                + "\"prod\", \"desc\": \"d\", \"timeout\": 60, \"grace\": 31536000, \"schedule\": \"*/5 * * * *\", "
                + "\"tz\": \"Europe/Dublin\", \"manual_resume\": true, \"methods\": \"POST\", \"channels\": \"*\", "
                + "\"unique\": [\"name\", \"grace\"], \"api_key\": \"ignored\", \"success_kw\": \"\", "
                + "\"filter_body\": false, \"alert_after_failures\": 3, \"start_deadline\": 900}"));
        assertThat(f).isEqualTo(new CheckFields("Backups", "backups_1-a", "prod", "d", 60, 31536000, "*/5 * * * *",
                "Europe/Dublin", true, "POST", "*", List.of("name", "grace"), 3, 900,
                new KeywordFields(null, "", null, null, false, null, null, null, null)));
    }

    @Test
    void wholeNumbersWrittenWithADecimalPointAreAccepted() {
        assertThat(CheckFieldsParser.parse(json("{\"timeout\": 120.0}")).timeout()).isEqualTo(120);
        refused("{\"timeout\": 120.5}", "json validation error: timeout is not a whole number of seconds");
    }

    @Test
    void refusesWrongTypesAndValues() {
        refused("{\"timeout\": 1e400}", "json validation error: timeout is too large (at most 31536000 seconds)");
        refused("{\"grace\": -5}", "json validation error: grace is too small (at least 60 seconds)");
        refused("{\"grace\": true}", "json validation error: grace is not a number");
        refused("{\"tags\": [\"a\"]}", "json validation error: tags is not a string");
        refused("{\"slug\": \"UPPER\"}", "json validation error: slug does not match pattern ^[a-z0-9-_]*$");
        // Not five fields, so OnCalendar, as Healthchecks decides; a real cron line with a bad field stays cron.
        refused("{\"schedule\": \"* * *\"}", "json validation error: schedule is not a valid OnCalendar expression: "
                + "\"*\" is neither weekdays, a date, a time nor a time zone");
        refused("{\"schedule\": \"61 * * * *\"}", "json validation error: schedule is not a valid cron expression: "
                + "minute field: value 61 is out of range 0-59");
        refused("{\"schedule\": \"" + "1 ".repeat(60) + "\"}",
                "json validation error: schedule is too long (at most 100 characters)");
        refused("{\"tz\": \"europe/dublin\"}", "json validation error: tz is not a valid timezone: unknown time "
                + "zone \"europe/dublin\" (did you mean \"Europe/Dublin\"?)");
        refused("{\"unique\": [1]}", "json validation error: unique has unexpected value (allowed: name, slug, "
                + "tags, timeout, grace)");
        refused("{\"filter_http_body\": 1}", "json validation error: filter_http_body is not a boolean");
        refused("{\"success_kw\": null}", "json validation error: success_kw is not a string");
        refused("{\"failure_kw\": \"" + "x".repeat(201) + "\"}",
                "json validation error: failure_kw is too long (at most 200 characters)");
        refused("{\"manual_resume\": \"true\"}", "json validation error: manual_resume is not a boolean");
    }

    @Test
    void vigilExtensionsAreCheckedLikeTheOtherFields() {
        assertThat(CheckFieldsParser.parse(json("{\"start_deadline\": 0}")).startDeadline())
                .isEqualTo(CheckFields.NO_START_DEADLINE);
        assertThatThrownBy(() -> CheckFieldsParser.parse(json("{\"alert_after_failures\": 0}")))
                .hasMessage("json validation error: alert_after_failures must be a whole number of failures "
                        + "from 1 to 100");
        assertThatThrownBy(() -> CheckFieldsParser.parse(json("{\"alert_after_failures\": 2.5}")))
                .hasMessageContaining("alert_after_failures must be a whole number");
        assertThatThrownBy(() -> CheckFieldsParser.parse(json("{\"alert_after_failures\": \"3\"}")))
                .hasMessage("json validation error: alert_after_failures is not a number");
        assertThatThrownBy(() -> CheckFieldsParser.parse(json("{\"start_deadline\": 30}")))
                .hasMessage("json validation error: start_deadline is too small (at least 60 seconds)");
    }
}
