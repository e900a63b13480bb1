package dev.vigil.app.alerts;

import dev.vigil.app.notify.Alert;
import dev.vigil.app.notify.Channel;
import dev.vigil.app.notify.ChannelConfig;
import dev.vigil.app.notify.ChannelContext;
import dev.vigil.app.notify.ChannelKinds;
import dev.vigil.app.notify.HttpReceiver;
import dev.vigil.app.notify.MailRelay;
import dev.vigil.app.notify.OutgoingHttp;
import dev.vigil.app.notify.SendResult;
import dev.vigil.app.notify.ServiceEndpoints;
import dev.vigil.app.notify.WebhookChannel;
import dev.vigil.testsupport.Await;
import dev.vigil.testsupport.TcpProxy;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several sender instances in one JVM against one real PostgreSQL database and a real HTTP receiver on loopback:
 * exactly-once delivery, take-over after a sender dies holding leases, retries, 410, maintenance pause.
 */
class AlertSenderIT {

    static final SenderSettings FAST = new SenderSettings(Duration.ofMillis(200), Duration.ofSeconds(2), 4, 3,
            Duration.ofSeconds(1), 1000);

    private static AlertDb db;
    private static HttpReceiver receiver;
    private final List<AlertSender> senders = new ArrayList<>();

    @BeforeAll
    static void start() {
        db = new AlertDb("alerts");
        receiver = new HttpReceiver();
    }

    @AfterAll
    static void stopAll() {
        receiver.close();
        db.close();
    }

    @AfterEach
    void stopSenders() throws SQLException {
        senders.forEach(s -> s.stop(Duration.ofSeconds(5)));
        receiver.clear();
        receiver.answer(r -> HttpReceiver.Answer.OK);
        db.sql("TRUNCATE checks, flips, notifications, notification_attempts, channels, check_channels CASCADE");
    }

    static ChannelContext context() {
        return new ChannelContext("https://vigil.example", new OutgoingHttp(Duration.ofSeconds(5), true),
                new MailRelay(new MailRelay.Settings("127.0.0.1", 9, "", "", false, "vigil@example.com",
                        Duration.ofSeconds(2))),
                new ServiceEndpoints("http://127.0.0.1:9", "", "http://127.0.0.1:9", ""));
    }

    private AlertSender sender(String name, javax.sql.DataSource ds, ChannelKinds kinds, AtomicBoolean paused) {
        AlertSender s = new AlertSender(name, ds, kinds, context(), FAST, paused::get, PingBodies.NOT_YET_AVAILABLE,
                Executors.defaultThreadFactory());
        senders.add(s);
        return s;
    }

    private AlertSender sender(String name) {
        return sender(name, db.dataSource, ChannelKinds.builtIn(), new AtomicBoolean());
    }

    private String hook(String path) {
        return "{\"down\": {\"method\": \"POST\", \"url\": \"" + receiver.url(path) + "\", \"body\": \"$STATUS $CODE\"},"
                + " \"up\": {\"method\": \"POST\", \"url\": \"" + receiver.url(path) + "\", \"body\": \"$STATUS $CODE\"}}";
    }

    /** A webhook kind that claims like the real one but hangs in delivery: a sender frozen mid-run. */
    static final class HangingWebhook implements Channel {
        final AtomicInteger entered = new AtomicInteger();
        final CountDownLatch never = new CountDownLatch(1);

        @Override
        public String kind() {
            return "webhook";
        }

        @Override
        public void validate(JsonObject settings) {
        }

        @Override
        public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
            entered.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SendResult.Retry("interrupted", null);
        }
    }

    @Test
    void threeSendersDeliverEachDownExactlyOnceEvenWhenOneDiesHoldingLeases() throws Exception {
        UUID project = db.project();
        UUID channel = db.channel(project, "webhook", hook("/hook"));
        db.dueChecks(project, channel, 1000, "now() - interval '1 second'");

        HangingWebhook hanging = new HangingWebhook();
        try (TcpProxy link = TcpProxy.to("127.0.0.1", Integer.parseInt(db.db.server().address().split(":")[1]))) {
            AlertSender victim = sender("victim", db.dataSource(db.db.jdbcUrlVia("127.0.0.1", link.port())),
                    ChannelKinds.of(List.of(hanging)), new AtomicBoolean());
            victim.start();
            Await.until(Duration.ofSeconds(30), () -> hanging.entered.get() == FAST.deliveryThreads(),
                    () -> "the victim claimed " + hanging.entered.get());
            sender("a").start();
            sender("b").start();
            Await.until(Duration.ofSeconds(30), () -> receiver.requests().size() > 100,
                    () -> "deliveries by a and b: " + receiver.requests().size());
            link.cut(); // dies mid-run: its database is gone and its threads stop without a word
            victim.stop(Duration.ZERO);
        }
        Await.until(Duration.ofSeconds(60), () -> sent() == 1000, () -> "sent: " + sentOrError());

        List<HttpReceiver.Request> got = receiver.requests();
        assertThat(got).hasSize(1000);
        Set<String> bodies = got.stream().map(HttpReceiver.Request::body).collect(Collectors.toSet());
        assertThat(bodies).hasSize(1000).allSatisfy(b -> assertThat(b).startsWith("down "));
        assertThat(bodies.stream().map(b -> b.substring(5)).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(checkIds()));
        assertThat(db.count("SELECT count(*) FROM checks WHERE status = 'down' AND alert_after IS NULL"))
                .isEqualTo(1000);
        assertThat(db.count("SELECT count(*) FROM flips WHERE new_status = 'down' AND reason = 'timeout' "
                + "AND processed IS NOT NULL")).isEqualTo(1000);
        // the victim claimed a few per thread (most still queued); a or b took them over after their lease
        assertThat(db.count("SELECT count(*) FROM notifications WHERE attempts = 2"))
                .isEqualTo(AlertSender.CLAIMS_PER_THREAD * FAST.deliveryThreads());
        assertThat(db.count("SELECT count(*) FROM notification_attempts WHERE outcome = 'sent' "
                + "AND sender IN ('a', 'b')")).isEqualTo(1000);
        assertThat(db.count("SELECT count(*) FROM notification_attempts WHERE sender = 'victim'")).isZero();
        assertThat(db.count("SELECT count(DISTINCT sender) FROM notification_attempts")).isEqualTo(2);
    }

    @Test
    void transientFailuresAreRetriedHonouringRetryAfterAnd410DisablesTheChannel() throws Exception {
        UUID project = db.project();
        UUID flaky = db.channel(project, "webhook", hook("/flaky"));
        UUID gone = db.channel(project, "webhook", hook("/gone"));
        UUID unknown = db.channel(project, "carrier-pigeon", "{}");
        db.dueChecks(project, flaky, 1, "now() - interval '1 second'");
        db.sql("INSERT INTO check_channels (check_id, channel_id) SELECT id, '" + gone + "' FROM checks");
        db.sql("INSERT INTO check_channels (check_id, channel_id) SELECT id, '" + unknown + "' FROM checks");
        AtomicInteger flakyCalls = new AtomicInteger();
        receiver.answer(r -> r.pathAndQuery().equals("/gone") ? new HttpReceiver.Answer(410, Map.of(), "no such hook")
                : flakyCalls.incrementAndGet() == 1
                        ? new HttpReceiver.Answer(503, Map.of("Retry-After", "1"), "busy, come back later")
                        : HttpReceiver.Answer.OK);

        sender("only").start();
        Await.until(Duration.ofSeconds(30), () -> flakyCalls.get() == 2 && countOf("SELECT count(*) FROM "
                + "notifications WHERE state <> 'pending'") == 3, () -> "flaky calls: " + flakyCalls.get());

        assertThat(db.value("SELECT string_agg(outcome || ': ' || error, ' | ' ORDER BY id) FROM "
                + "notification_attempts WHERE channel_id = '" + flaky + "'"))
                .isEqualTo("retry: HTTP 503 from " + receiver.url("/flaky") + ": busy, come back later | sent: ");
        assertThat(db.count("SELECT count(*) FROM notification_attempts a JOIN notification_attempts b "
                + "ON a.notification_id = b.notification_id AND b.created >= a.created + interval '900 ms' "
                + "WHERE a.outcome = 'retry' AND b.outcome = 'sent'")).isEqualTo(1);
        assertThat(db.value("SELECT disabled || ' ' || disabled_reason FROM channels WHERE id = '" + gone + "'"))
                .isEqualTo("true disabled after a delivery: HTTP 410 from " + receiver.url("/gone") + ": no such hook");
        assertThat(db.value("SELECT outcome FROM notification_attempts WHERE channel_id = '" + gone + "'"))
                .isEqualTo("disabled");
        assertThat(db.value("SELECT state || ': ' || error FROM notifications WHERE channel_id = '" + unknown + "'"))
                .isEqualTo("failed: this server has no channel kind \"carrier-pigeon\"");
    }

    @Test
    void aPausedSenderClaimsNothingAndSaysSoThenResumes() throws Exception {
        UUID project = db.project();
        UUID channel = db.channel(project, "webhook", hook("/paused"));
        db.dueChecks(project, channel, 3, "now() - interval '1 second'");
        AtomicBoolean paused = new AtomicBoolean(true);
        AlertSender s = sender("pausable", db.dataSource, ChannelKinds.builtIn(), paused);
        s.start();
        assertThat(s.status().line()).isEqualTo("paused idle");
        // several poll intervals pass without the sender touching anything
        Await.pause(Duration.ofMillis(5 * FAST.pollInterval().toMillis()));
        assertThat(db.count("SELECT count(*) FROM checks WHERE status = 'down'")).isZero();
        assertThat(receiver.requests()).isEmpty();

        paused.set(false);
        Await.until(Duration.ofSeconds(10), () -> receiver.requests().size() == 3,
                () -> "requests: " + receiver.requests().size());
        Await.until(Duration.ofSeconds(10), () -> s.status().idle(), () -> s.status().line());
        assertThat(s.status().line()).isEqualTo("running idle");
        s.stop(Duration.ofSeconds(5));
        assertThat(s.status().line()).isEqualTo("off idle");
    }

    @Test
    void aStoredAlertTimeThatCameEarlyIsMovedToTheRealOneAndOnlyARealOneGoesDown() throws Exception {
        UUID project = db.project();
        UUID channel = db.channel(project, "webhook", hook("/hook"));
        // pings keep the stored time when they move the real one later: both checks' stored times have passed, but
        // only "late" has missed its period (an hour, last pinged two hours ago); "fine" pinged a minute ago
        db.dueChecks(project, channel, 2, "now() - interval '1 second'");
        db.sql("UPDATE checks SET last_ping = now() - interval '1 minute' WHERE slug = 'check-1'");
        db.sql("UPDATE checks SET slug = 'fine' WHERE slug = 'check-1'");
        db.sql("UPDATE checks SET slug = 'late' WHERE slug = 'check-2'");
        sender("one").start();
        Await.until(Duration.ofSeconds(10), () -> sent() == 1, () -> "sent: " + sentOrError());

        assertThat(receiver.requests()).extracting(HttpReceiver.Request::body)
                .containsExactly("down " + db.value("SELECT id FROM checks WHERE slug = 'late'"));
        assertThat(db.value("SELECT status FROM checks WHERE slug = 'fine'")).isEqualTo("up");
        assertThat(db.count("SELECT count(*) FROM checks WHERE slug = 'fine' "
                + "AND alert_after = last_ping + interval '61 minutes'")).isEqualTo(1);
        // the flip is dated when the check really went down: its last ping plus period plus grace
        assertThat(db.count("SELECT count(*) FROM flips f JOIN checks c ON c.id = f.check_id WHERE c.slug = 'late' "
                + "AND f.new_status = 'down' AND f.created = c.last_ping + interval '61 minutes'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM flips f JOIN checks c ON c.id = f.check_id "
                + "WHERE c.slug = 'fine'")).isZero();
    }

    @Test
    void aNewOrPausedCheckWhoseStartedRunNeverEndedGoesDownAsTheApiShows() throws Exception {
        UUID project = db.project();
        UUID channel = db.channel(project, "webhook", hook("/hook"));
        db.dueChecks(project, channel, 3, "NULL");
        // started eleven minutes ago with ten minutes of grace (one with a start deadline of an hour); never pinged
        db.sql("UPDATE checks SET status = 'new', last_ping = NULL, grace_s = 600, "
                + "last_start = now() - interval '11 minutes', alert_after = now() - interval '1 minute'");
        db.sql("UPDATE checks SET status = 'paused' WHERE slug = 'check-2'");
        db.sql("UPDATE checks SET start_deadline_s = 3600, alert_after = last_start + interval '1 hour' "
                + "WHERE slug = 'check-3'");
        sender("one").start();
        Await.until(Duration.ofSeconds(10), () -> sent() == 2, () -> "sent: " + sentOrError());

        assertThat(db.value("SELECT string_agg(slug || ' ' || status, ', ' ORDER BY slug) FROM checks"))
                .isEqualTo("check-1 down, check-2 down, check-3 new");
        assertThat(db.count("SELECT count(*) FROM flips f JOIN checks c ON c.id = f.check_id WHERE f.reason = "
                + "'timeout' AND f.created = c.last_start + interval '10 minutes' AND (c.slug, f.old_status) IN "
                + "(('check-1', 'new'), ('check-2', 'paused'))")).isEqualTo(2);
    }

    @Test
    void aPingThatBringsADownCheckUpIsToldOnceAndNewToUpIsNot() throws Exception {
        UUID project = db.project();
        UUID channel = db.channel(project, "webhook", hook("/up"));
        db.dueChecks(project, channel, 1, "NULL");
        String check = db.value("SELECT id FROM checks");
        db.sql("INSERT INTO flips (check_id, created, old_status, new_status) VALUES ('" + check + "', now(), 'new', "
                + "'up'), ('" + check + "', now(), 'down', 'up'), ('" + check + "', now(), 'paused', 'up')");
        sender("one").start();
        sender("two").start();
        Await.until(Duration.ofSeconds(10), () -> countOf("SELECT count(*) FROM flips WHERE processed IS NULL") == 0
                && countOf("SELECT count(*) FROM notifications WHERE state = 'pending'") == 0, () -> "flips left");
        assertThat(receiver.requests()).extracting(HttpReceiver.Request::body).containsExactly("up " + check);
    }

    private long countOf(String query) {
        try {
            return db.count(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> checkIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (var c = db.db.connect(); var rs = c.createStatement().executeQuery("SELECT id FROM checks")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private long sent() {
        try {
            return db.count("SELECT count(*) FROM notifications WHERE state = 'sent'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sentOrError() {
        try {
            return sent() + ", states " + db.value("SELECT string_agg(state || ':' || n, ', ') FROM (SELECT state, "
                    + "count(*) n FROM notifications GROUP BY state) s");
        } catch (SQLException e) {
            return e.toString();
        }
    }
}
