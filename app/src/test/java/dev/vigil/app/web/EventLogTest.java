package dev.vigil.app.web;

import dev.vigil.app.api.FlipEvent;
import dev.vigil.app.api.NotificationEvent;
import dev.vigil.app.api.RecentPing;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<RecentPing> PINGS = List.of(
            new RecentPing(2, T.plusSeconds(60), "fail", "http", "192.0.2.7", "POST", "curl/8", 1500L, "oops"),
            new RecentPing(1, T, "success", "http", null, "GET", null, null, null));
    private static final List<FlipEvent> FLIPS = List.of(new FlipEvent(T.plusSeconds(60), "up", "down", "fail"));
    private static final List<NotificationEvent> NOTES = List.of(
            new NotificationEvent(T.plusSeconds(60), "webhook", "ops", "down", "failed", 3, "HTTP 500"),
            new NotificationEvent(T.plusSeconds(61), "email", "", "down", "sent", 1, ""));

    @Test
    void eventsAreMergedNewestFirstAndAtEqualTimesTheNotificationFollowsTheFlipWhichFollowsThePing() {
        List<EventLog.Line> lines = EventLog.merge(PINGS, FLIPS, NOTES, EventLog.shown(List.of()), T, 30);
        assertThat(lines).extracting(EventLog.Line::type)
                .containsExactly("notification", "notification", "flip", "ping", "ping");
        assertThat(lines.get(0).source()).isEqualTo("email");
        assertThat(lines.get(0).detail()).isEqualTo("sent");
        assertThat(lines.get(1).source()).isEqualTo("webhook “ops”");
        assertThat(lines.get(1).detail()).isEqualTo("failed after 3 attempts: HTTP 500");
        assertThat(lines.get(2).what()).isEqualTo("up → down");
        assertThat(lines.get(2).detail()).isEqualTo("a failure was reported");
        assertThat(lines.get(3).what()).isEqualTo("fail");
        assertThat(lines.get(3).source()).isEqualTo("#2 http POST from 192.0.2.7");
        assertThat(lines.get(3).duration()).isEqualTo("1500 ms");
        assertThat(lines.get(3).bodyPreview()).isEqualTo("oops");
        assertThat(lines.get(4).source()).endsWith("from unknown");
    }

    @Test
    void theFilterKeepsOnlyTheTypesAskedForAndTheLimitTheNewest() {
        assertThat(EventLog.merge(PINGS, FLIPS, NOTES, EventLog.shown(List.of("flip", "ping")), T, 30))
                .extracting(EventLog.Line::type).containsExactly("flip", "ping", "ping");
        assertThat(EventLog.merge(PINGS, FLIPS, NOTES, EventLog.shown(List.of("ping")), T, 1))
                .extracting(EventLog.Line::what).containsExactly("fail");
        assertThat(EventLog.shown(List.of("bogus"))).isEqualTo(EnumSet.allOf(EventLog.Type.class));
        assertThat(EventLog.shown(null)).isEqualTo(EnumSet.allOf(EventLog.Type.class));
        assertThat(EventLog.options(EventLog.shown(List.of("notification")))).extracting(EventLog.Option::checked)
                .containsExactly(false, false, true);
    }

    @Test
    void aPendingNotificationSaysWhetherItWasTriedAndADeletedChannelIsNamedSo() {
        assertThat(EventLog.delivery(new NotificationEvent(T, "email", "", "down", "pending", 0, "")))
                .isEqualTo("waiting to be sent");
        assertThat(EventLog.delivery(new NotificationEvent(T, "email", "", "down", "pending", 1, "timeout")))
                .isEqualTo("retrying after 1 attempt: timeout");
        assertThat(EventLog.channel(new NotificationEvent(T, null, null, "up", "sent", 1, "")))
                .isEqualTo("a deleted channel");
    }
}
