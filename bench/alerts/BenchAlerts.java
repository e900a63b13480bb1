import dev.vigil.app.alerts.AlertSender;
import dev.vigil.app.alerts.PingBodies;
import dev.vigil.app.alerts.SenderSettings;
import dev.vigil.app.db.SchemaMigrator;
import dev.vigil.app.notify.ChannelContext;
import dev.vigil.app.notify.ChannelKinds;
import dev.vigil.app.notify.HttpReceiver;
import dev.vigil.app.notify.MailRelay;
import dev.vigil.app.notify.OutgoingHttp;
import dev.vigil.app.notify.ServiceEndpoints;
import dev.vigil.testsupport.Await;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Alert latency (not a test): CHECKS checks in a fresh database, DUE of them with alert times inside one second,
 * SENDERS sender instances in this JVM with the default settings, a webhook receiver on loopback. Prints, per
 * notification, the delay from the check's alert time to the receiver getting the request.
 */
public class BenchAlerts {

    public static void main(String[] args) throws Exception {
        int checks = Integer.parseInt(System.getenv().getOrDefault("BENCH_CHECKS", "100000"));
        int due = Integer.parseInt(System.getenv().getOrDefault("BENCH_DUE", "1000"));
        int senders = Integer.parseInt(System.getenv().getOrDefault("BENCH_SENDERS", "3"));
        try (TestDatabase db = TestPostgres.server().createDatabase("bench_alerts");
             HttpReceiver receiver = new HttpReceiver()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(db.jdbcUrl());
            ds.setUser(db.user());
            ds.setPassword(db.password());
            new SchemaMigrator(ds).migrate();
            long t0 = System.nanoTime();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO users (email) VALUES ('bench@example.com')");
                st.execute("INSERT INTO projects (id, name, owner_id, badge_key) SELECT gen_random_uuid(), 'Bench', "
                        + "id, 'bench' FROM users");
                st.execute("INSERT INTO channels (id, project_id, kind, settings) SELECT gen_random_uuid(), id, "
                        + "'webhook', '{\"down\": {\"url\": \"" + receiver.url("/hook") + "\", \"body\": \"$CODE\"}}'"
                        + " FROM projects");
                // all checks up and due over the next days; DUE of them are moved into one second below
                st.execute("INSERT INTO checks (id, project_id, name, slug, status, last_ping, alert_after) "
                        + "SELECT gen_random_uuid(), p.id, 'check-' || g, g::text, 'up', now(), "
                        + "now() + interval '1 day' + g * interval '1 second' "
                        + "FROM projects p, generate_series(1, " + checks + ") g");
                st.execute("INSERT INTO check_channels (check_id, channel_id) SELECT c.id, ch.id FROM checks c, "
                        + "channels ch");
                st.execute("ANALYZE");
            }
            System.out.printf("filled %,d checks in %.1f s%n", checks, (System.nanoTime() - t0) / 1e9);
            SenderSettings settings = SenderSettings.defaults();
            ChannelContext context = new ChannelContext("https://vigil.example",
                    new OutgoingHttp(Duration.ofSeconds(10), true),
                    new MailRelay(new MailRelay.Settings("127.0.0.1", 25, "", "", false, "b@example.com",
                            Duration.ofSeconds(5))),
                    new ServiceEndpoints("", "", "", ""));
            // a server that has run for a while has its HTTP client initialised: warm it up outside the measurement
            for (int i = 0; i < 200; i++) {
                context.http().send(java.net.URI.create(receiver.url("/warm-up")),
                        java.net.http.HttpRequest.newBuilder().POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "x")), "warm-up");
            }
            receiver.clear();
            List<AlertSender> running = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                AlertSender s = new AlertSender("bench-" + i, ds, ChannelKinds.builtIn(), context, settings,
                        () -> false, PingBodies.NOT_YET_AVAILABLE, Executors.defaultThreadFactory());
                s.start();
                running.add(s);
            }
            // warm-up round (a server that has run for a while has loaded and compiled the sending code): the last
            // 30 checks fall due now; their notifications are left out of the figures
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                // really due: last pinged a period (a day) plus the grace time (an hour) ago
                st.execute("UPDATE checks SET alert_after = now(), last_ping = now() - interval '25 hours' "
                        + "WHERE slug::int > " + (checks - 30));
            }
            Await.until(Duration.ofSeconds(60), () -> receiver.requests().size() >= 30,
                    () -> "warm-up notifications received: " + receiver.requests().size());
            Await.pause(Duration.ofSeconds(1)); // a window for stragglers of the warm-up, which are not counted
            receiver.clear();
            Instant second = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("UPDATE checks SET alert_after = '" + second + "'::timestamptz + (slug::int % 1000) "
                        + "* interval '1 millisecond', last_ping = '" + second + "'::timestamptz "
                        + "+ (slug::int % 1000) * interval '1 millisecond' - interval '25 hours' WHERE slug::int <= "
                        + due);
            }
            System.out.printf("%,d checks fall due in the second from %s%n", due, second);
            try {
                Await.until(Duration.ofSeconds(120), () -> receiver.requests().size() >= due,
                        () -> receiver.requests().size() + " of " + due + " received");
            } catch (AssertionError e) {
                System.out.println("giving up waiting: " + e.getMessage()); // the figures below show what came
            }
            Await.pause(Duration.ofSeconds(3)); // a window in which a late duplicate would show up
            running.forEach(s -> s.stop(Duration.ofSeconds(5)));

            Map<String, Instant> alertTimes = new HashMap<>();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT check_id, flip_created FROM notifications")) {
                while (rs.next()) {
                    alertTimes.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
            List<HttpReceiver.Request> got = receiver.requests();
            List<Long> delays = new ArrayList<>();
            for (HttpReceiver.Request r : got) {
                delays.add(Duration.between(alertTimes.get(r.body()), r.received()).toMillis());
            }
            Collections.sort(delays);
            long distinct = got.stream().map(HttpReceiver.Request::body).distinct().count();
            System.out.printf("senders: %d, notifications received: %d (distinct checks %d, expected %d)%n",
                    senders, got.size(), distinct, due);
            if (!delays.isEmpty()) {
                System.out.printf("delay from alert time to receipt: min %d ms, p50 %d ms, p99 %d ms, max %d ms%n",
                        delays.get(0), delays.get(delays.size() / 2), delays.get((int) Math.ceil(delays.size() * 0.99) - 1),
                        delays.get(delays.size() - 1));
            }
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT percentile_disc(array[0, 0.5, 0.99, 1]) WITHIN GROUP (ORDER BY "
                         + "extract(epoch FROM f.processed - f.created)), percentile_disc(array[0, 0.5, 0.99, 1]) "
                         + "WITHIN GROUP (ORDER BY extract(epoch FROM n.done - n.flip_created)) "
                         + "FROM notifications n JOIN flips f ON f.check_id = n.check_id AND f.id = n.flip_id "
                         + "JOIN checks c ON c.id = n.check_id WHERE c.slug::int <= " + due)) {
                rs.next();
                System.out.println("seconds from alert time to: notification created (min, p50, p99, max) "
                        + rs.getString(1) + "; delivery recorded " + rs.getString(2));
            }
            System.out.println(delays.isEmpty() || delays.get(delays.size() - 1) > 2000 || got.size() != due
                    || distinct != due ? "target (all within 2000 ms, each exactly once): NOT MET"
                    : "target (all within 2000 ms, each exactly once): met");
        }
    }
}
