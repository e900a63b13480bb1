package dev.vigil.app.api;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.checks.KeywordFilter;
import dev.vigil.app.checks.StatusNow;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A check as the API shows it, field for field as Healthchecks' v3 API does. Read-only keys see {@code unique_key}
 * instead of the UUID, the URLs that embed it and the channels.
 */
public final class CheckJson {

    private CheckJson() {
    }

    public static JsonObject of(CheckRow c, StatusNow s, boolean readOnly, ApiUrls urls) {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("name", c.name())
                .add("slug", c.slug())
                .add("tags", c.tags())
                .add("desc", c.desc())
                .add("grace", c.grace())
                .add("n_pings", c.nPings())
                .add("status", s.status().word())
                .add("started", s.started());
        addNullable(b, "last_ping", Timestamps.seconds(c.lastPing()));
        addNullable(b, "next_ping", Timestamps.seconds(s.nextPing()));
        KeywordFilter k = c.keywords();
        b.add("manual_resume", c.manualResume())
                .add("methods", c.methods())
                // subject and subject_fail: Healthchecks' deprecated mirrors, set only when subjects are filtered
                .add("subject", k.filterSubject() ? k.successKw() : "")
                .add("subject_fail", k.filterSubject() ? k.failureKw() : "")
                .add("start_kw", k.startKw())
                .add("success_kw", k.successKw())
                .add("failure_kw", k.failureKw())
                .add("filter_subject", k.filterSubject())
                .add("filter_body", k.filterBody())
                .add("filter_http_body", k.filterHttpBody())
                .add("filter_default_fail", k.filterDefaultFail())
                .add("badge_url", urls.checkBadge(c.badgeKey()));
        if (c.alertAfterFailures() > 1) { // Vigil extensions: shown when set, so Healthchecks' shape is unchanged
            b.add("alert_after_failures", c.alertAfterFailures());
        }
        if (c.startDeadline() != null) {
            b.add("start_deadline", c.startDeadline());
        }
        if (c.lastDurationMs() != null) {
            b.add("last_duration", c.lastDurationMs() / 1000);
        }
        if (readOnly) {
            b.add("unique_key", c.uniqueKey());
        } else {
            b.add("uuid", c.id().toString())
                    .add("ping_url", urls.ping(c.id()))
                    .add("update_url", urls.check(c.id()))
                    .add("pause_url", urls.check(c.id()) + "/pause")
                    .add("resume_url", urls.check(c.id()) + "/resume")
                    .add("channels", c.channels().stream().map(UUID::toString).sorted()
                            .collect(Collectors.joining(",")));
        }
        if (c.hasExpression()) {
            b.add("schedule", c.schedule()).add("tz", c.tz());
        } else {
            b.add("timeout", c.timeout());
        }
        return b.build();
    }

    /** Adds the field as a string, or as JSON null (Healthchecks shows absent values as null, not by omission). */
    static void addNullable(JsonObjectBuilder b, String field, String value) {
        if (value == null) {
            b.addNull(field);
        } else {
            b.add(field, value);
        }
    }

    /** Seconds with two decimals, as the pings list shows durations. */
    static BigDecimal secondsOf(long millis) {
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP);
    }
}
