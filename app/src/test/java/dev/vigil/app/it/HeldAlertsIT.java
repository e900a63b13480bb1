package dev.vigil.app.it;

import dev.vigil.app.alerts.AlertSender;
import dev.vigil.app.alerts.PingBodies;
import dev.vigil.app.alerts.SenderSettings;
import dev.vigil.app.notify.ChannelContext;
import dev.vigil.app.notify.ChannelKinds;
import dev.vigil.app.notify.HttpReceiver;
import dev.vigil.app.notify.MailRelay;
import dev.vigil.app.notify.OutgoingHttp;
import dev.vigil.app.notify.ServiceEndpoints;
import dev.vigil.testsupport.Await;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies and maintenance windows through the API of the shared app, observed at a real HTTP receiver: a
 * dependency holds its dependent's alert and the dependent is told when the dependency is back; a window holds
 * alerts while three senders run (the app's and two more in this JVM on its database) and each check still down is
 * told exactly once when it ends.
 */
class HeldAlertsIT {

    private static SharedVigil vigil;
    private static ApiClient api;
    private static Fixtures db;
    private static HttpReceiver receiver;
    private final List<AlertSender> senders = new ArrayList<>();

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
        api = new ApiClient(vigil.app);
        db = new Fixtures(vigil.database);
        receiver = new HttpReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @AfterEach
    void cleanUp() throws IOException {
        senders.forEach(s -> s.stop(Duration.ofSeconds(5)));
        Files.deleteIfExists(vigil.app.maintenanceFile());
        receiver.clear();
    }

    private static String created(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.json(r).getString(field);
    }

    /** A check of the project pinged once, with the channel. */
    private static String check(ApiClient.Project p, String name, String extra) throws IOException {
        String uuid = created(api.post("/api/v3/checks/", p.rw(), "{\"name\": \"" + name + "\", \"timeout\": 3600, "
                + "\"grace\": 60, \"channels\": \"*\"" + extra + "}"), "uuid");
        assertThat(vigil.app.get("/ping/" + uuid).statusCode()).isEqualTo(200);
        return uuid;
    }

    private static void channel(ApiClient.Project p, String kind, String settings) throws IOException {
        created(api.post("/api/v3/channels/", p.rw(), "{\"kind\": \"" + kind + "\", \"name\": \"" + kind
                + "\", \"settings\": " + settings + "}"), "id");
    }

    private static String hook() {
        return "{\"down\": {\"url\": \"" + receiver.url("/hook/$STATUS") + "\", \"body\": \"$NAME $STATUS\"},"
                + " \"up\": {\"url\": \"" + receiver.url("/hook/$STATUS") + "\", \"body\": \"$NAME $STATUS\"}}";
    }

    private static List<String> told() {
        return receiver.requests().stream().filter(r -> r.pathAndQuery().startsWith("/hook/"))
                .map(HttpReceiver.Request::body).sorted().toList();
    }

    private static String senderStatus() {
        try {
            return vigil.app.get("/health/alerts").body();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void dependsOnIsWrittenAndReadLikeChannelsAndRefusesStrangersAndCycles() throws IOException {
        ApiClient.Project p = api.newProject("depends-api");
        ApiClient.Project other = api.newProject("depends-other");
        String dbPrimary = check(p, "db-primary", "");
        String backups = check(p, "backups", ", \"depends_on\": \"" + dbPrimary + "\"");
        String stranger = check(other, "elsewhere", "");

        JsonObject b = ApiClient.json(api.get("/api/v3/checks/" + backups, p.rw()));
        assertThat(b.getString("depends_on")).isEqualTo(dbPrimary);
        assertThat(ApiClient.json(api.get("/api/v3/checks/" + dbPrimary, p.rw())).containsKey("depends_on")).isFalse();
        assertThat(ApiClient.json(api.get("/api/v3/checks/" + backups, p.ro())).containsKey("depends_on")).isFalse();

        HttpResponse<String> cycle = api.post("/api/v3/checks/" + dbPrimary, p.rw(), "{\"depends_on\": \"" + backups + "\"}");
        assertThat(cycle.statusCode()).isEqualTo(400);
        assertThat(cycle.body()).contains("depends_on would make a cycle: ").contains("db-primary -> backups")
                .contains("backups -> db-primary");
        HttpResponse<String> foreign = api.post("/api/v3/checks/" + dbPrimary, p.rw(),
                "{\"depends_on\": \"" + stranger + "\"}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(foreign).getString("error"))
                .isEqualTo("invalid depends_on: " + stranger + " is not the UUID of a check in this project");
        HttpResponse<String> self = api.post("/api/v3/checks/" + dbPrimary, p.rw(), "{\"depends_on\": \"" + dbPrimary + "\"}");
        assertThat(ApiClient.json(self).getString("error")).isEqualTo("invalid depends_on: a check cannot depend on "
                + "itself");
        assertThat(api.post("/api/v3/checks/" + dbPrimary, p.rw(), "{\"depends_on\": 5}").body())
                .contains("json validation error: depends_on is not a string");

        JsonObject cleared = ApiClient.json(api.post("/api/v3/checks/" + backups, p.rw(), "{\"depends_on\": \"\"}"));
        assertThat(cleared.containsKey("depends_on")).isFalse();
        assertThat(ApiClient.json(api.post("/api/v3/checks/" + dbPrimary, p.rw(), "{\"depends_on\": \"" + backups + "\"}"))
                .getString("depends_on")).isEqualTo(backups);
    }

    @Test
    void aDownDependencyHoldsItsDependentsAndTheyAreToldWhenItIsBackIfStillDown() throws Exception {
        ApiClient.Project p = api.newProject("depends-alerts");
        channel(p, "webhook", hook());
        channel(p, "slack", "{\"url\": \"" + receiver.url("/slack") + "\"}");
        String dbPrimary = check(p, "db-primary", "");
        String backups = check(p, "backups", ", \"depends_on\": \"" + dbPrimary + "\"");
        String reports = check(p, "reports", ", \"depends_on\": \"" + dbPrimary + "\"");

        // the sender paused (once it has seen the first pings' flips), so that the three go down in one round: the
        // dependents are held when db-primary's alert is made, and it names them
        Await.until(Duration.ofSeconds(10), () -> unprocessedFlips(p) == 0, () -> "flips left unprocessed");
        Files.writeString(vigil.app.maintenanceFile(), "hold\n");
        Await.until(Duration.ofSeconds(10), () -> senderStatus().equals("paused idle\n"), HeldAlertsIT::senderStatus);
        for (String uuid : List.of(dbPrimary, backups, reports)) {
            assertThat(vigil.app.get("/ping/" + uuid + "/fail").statusCode()).isEqualTo(200);
        }
        Files.delete(vigil.app.maintenanceFile());
        Await.until(Duration.ofSeconds(10), () -> receiver.requests().size() == 2,
                () -> "requests: " + receiver.requests());
        Await.pause(Duration.ofSeconds(2)); // four polls: nothing more may come
        assertThat(told()).containsExactly("db-primary down");
        HttpReceiver.Request slack = receiver.requests().stream().filter(r -> r.pathAndQuery().equals("/slack"))
                .findFirst().orElseThrow();
        assertThat(slack.body()).contains("backups and reports are down because db-primary is down");
        assertThat(db.count("SELECT count(*) FROM held_alerts WHERE check_id IN ('" + backups + "', '"
                + reports + "')")).isEqualTo(2);
        JsonObject flips = ApiClient.json(api.get("/api/v3/checks/" + backups + "/flips/", p.rw()));
        assertThat(flips.getJsonArray("flips").toString()).contains("\"up\":0"); // the flip is recorded all the same

        // reports recovers while held: it is never told, neither down nor up
        assertThat(vigil.app.get("/ping/" + reports).statusCode()).isEqualTo(200);
        receiver.clear();
        assertThat(vigil.app.get("/ping/" + dbPrimary).statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(10), () -> told().size() >= 2, () -> "requests: " + receiver.requests());
        Await.pause(Duration.ofSeconds(2));
        assertThat(told()).containsExactly("backups down", "db-primary up");
        assertThat(db.count("SELECT count(*) FROM held_alerts WHERE check_id IN ('" + backups + "', '"
                + reports + "')")).isZero();
        assertThat(db.count("SELECT count(*) FROM notifications WHERE check_id = '" + reports + "'"))
                .isZero();
    }

    private static long unprocessedFlips(ApiClient.Project p) {
        try {
            return db.count("SELECT count(*) FROM flips f JOIN checks c ON c.id = f.check_id "
                    + "WHERE c.project_id = '" + p.id() + "' AND f.processed IS NULL");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long held(ApiClient.Project p) {
        try {
            return db.count("SELECT count(*) FROM held_alerts h JOIN checks c ON c.id = h.check_id "
                    + "WHERE c.project_id = '" + p.id() + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private AlertSender sender(String name) {
        DataSource ds = vigil.database.dataSource();
        ChannelContext context = new ChannelContext("https://vigil.example", new OutgoingHttp(Duration.ofSeconds(5),
                true), new MailRelay(new MailRelay.Settings("127.0.0.1", 9, "", "", false, "vigil@example.com",
                Duration.ofSeconds(2))), new ServiceEndpoints("http://127.0.0.1:9", "", "http://127.0.0.1:9", ""));
        AlertSender s = new AlertSender(name, ds, ChannelKinds.builtIn(), context,
                new SenderSettings(Duration.ofMillis(100), Duration.ofSeconds(30), 4, 3, Duration.ofSeconds(1), 1000),
                () -> false, PingBodies.NOT_YET_AVAILABLE, Executors.defaultThreadFactory());
        senders.add(s);
        s.start();
        return s;
    }

    @Test
    void aWindowHoldsAlertsWhileThreeSendersRunAndEachCheckStillDownIsToldOnceWhenItEnds() throws Exception {
        ApiClient.Project p = api.newProject("window-alerts");
        channel(p, "webhook", hook());
        sender("it-sender-1");
        sender("it-sender-2");
        List<String> checks = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            checks.add(check(p, "job-" + i, ", \"tags\": \"nightly\""));
        }
        String recovers = check(p, "recovers", ", \"tags\": \"nightly\"");
        String outside = check(p, "outside", ", \"tags\": \"daytime\"");
        Instant end = Instant.now().plusSeconds(8);
        JsonObject window = ApiClient.json(api.post("/api/v3/windows/", p.rw(), "{\"tag\": \"nightly\", \"start\": \""
                + Instant.now().minusSeconds(60) + "\", \"end\": \"" + end + "\", \"reason\": \"nas swap\"}"));
        assertThat(window.getBoolean("open")).as(window.toString()).isTrue();

        for (String uuid : checks) {
            assertThat(vigil.app.get("/ping/" + uuid + "/fail").statusCode()).isEqualTo(200);
        }
        assertThat(vigil.app.get("/ping/" + recovers + "/fail").statusCode()).isEqualTo(200);
        assertThat(vigil.app.get("/ping/" + outside + "/fail").statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(10), () -> held(p) == 13, () -> "held: " + told());
        assertThat(vigil.app.get("/ping/" + recovers).statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(10), () -> told().size() == 1, () -> "requests: " + receiver.requests());
        assertThat(told()).containsExactly("outside down"); // the window covers the tag only
        assertThat(Instant.now()).as("the window must still be open for the test to mean anything").isBefore(end);

        Await.until(Duration.ofSeconds(30), () -> told().size() >= 13, () -> "requests: " + receiver.requests());
        Await.pause(Duration.ofSeconds(3)); // many polls of three senders: nothing more may come
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            expected.add("job-" + i + " down");
        }
        expected.add("outside down");
        assertThat(told()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(db.count("SELECT count(*) FROM notification_attempts a JOIN checks c ON c.id = a.check_id "
                + "WHERE c.project_id = '" + p.id() + "'")).isEqualTo(13);
        assertThat(held(p)).isZero();
        String senders = db.value("SELECT string_agg(DISTINCT sender, ',') FROM notification_attempts a "
                + "JOIN checks c ON c.id = a.check_id WHERE c.project_id = '" + p.id() + "'");
        assertThat(senders).isNotEmpty();
        assertThat(ApiClient.json(api.get("/api/v3/windows/", p.ro())).getJsonArray("windows").getJsonObject(0)
                .getBoolean("open")).isFalse();
    }

    @Test
    void deletingAnOpenWindowTellsTheCheckItHeldAtOnce() throws Exception {
        ApiClient.Project p = api.newProject("window-delete");
        channel(p, "webhook", hook());
        String job = check(p, "patched", "");
        String window = created(api.post("/api/v3/windows/", p.rw(), "{\"check\": \"" + job + "\", \"start\": \""
                + Instant.now().minusSeconds(60) + "\", \"end\": \"" + Instant.now().plusSeconds(3600)
                + "\", \"reason\": \"kernel upgrade\"}"), "uuid");
        assertThat(vigil.app.get("/ping/" + job + "/fail").statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(10), () -> held(p) == 1, () -> "requests: " + receiver.requests());
        assertThat(db.value("SELECT why FROM held_alerts WHERE check_id = '" + job + "'"))
                .isEqualTo("maintenance window: kernel upgrade");
        Await.pause(Duration.ofSeconds(1));
        assertThat(told()).isEmpty();

        assertThat(api.delete("/api/v3/windows/" + window, p.rw()).statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(10), () -> told().size() == 1, () -> "requests: " + receiver.requests());
        assertThat(told()).containsExactly("patched down");
        assertThat(held(p)).isZero();
    }

    @Test
    void windowsAreCreatedListedAndDeletedWithTheirRulesChecked() throws IOException {
        ApiClient.Project p = api.newProject("window-api");
        String job = check(p, "job", "");
        JsonObject weekly = ApiClient.json(api.post("/api/v3/windows/", p.rw(), "{\"check\": \"" + job + "\", "
                + "\"schedule\": \"Sun *-*-* 02:00\", \"tz\": \"Europe/Dublin\", \"duration\": 7200, "
                + "\"reason\": \"patching\"}"));
        assertThat(weekly.getString("scope")).isEqualTo("check");
        assertThat(weekly.getString("check")).isEqualTo(job);
        assertThat(weekly.getInt("duration")).isEqualTo(7200);
        assertThat(api.get("/api/v3/windows/", p.ro()).body()).contains(weekly.getString("uuid"));

        record Bad(String body, String error) {
        }
        String future = Instant.now().plusSeconds(3600).toString();
        for (Bad bad : List.of(
                new Bad("{\"start\": \"2026-01-01T00:00:00Z\", \"end\": \"" + future + "\"}",
                        "json validation error: reason is missing (say why checks are quiet, for the log)"),
                new Bad("{\"reason\": \"x\", \"check\": \"" + job + "\", \"tag\": \"a\", \"start\": \"x\"}",
                        "invalid window: give check or tag, not both (neither: the whole project)"),
                new Bad("{\"reason\": \"x\", \"start\": \"tomorrow\", \"end\": \"" + future + "\"}",
                        "json validation error: start is not an ISO 8601 time with an offset (2026-12-24T22:00:00+00:00)"),
                new Bad("{\"reason\": \"x\", \"start\": \"" + future + "\", \"end\": \"" + future + "\"}",
                        "invalid window: the end must be after the start"),
                new Bad("{\"reason\": \"x\", \"start\": \"2020-01-01T00:00:00Z\", \"end\": \"2020-01-02T00:00:00Z\"}",
                        "json validation error: end is in the past"),
                new Bad("{\"reason\": \"x\", \"schedule\": \"0 2 * * *\", \"duration\": 9999999}",
                        "invalid window: a recurring window's duration must be from 60 seconds to 604800 seconds (7 days)"),
                new Bad("{\"reason\": \"x\", \"schedule\": \"0 25 * * *\", \"duration\": 600}",
                        "json validation error: schedule is not a valid cron or OnCalendar expression: "),
                new Bad("{\"reason\": \"x\", \"check\": \"" + java.util.UUID.randomUUID() + "\", \"start\": \""
                        + future + "\", \"end\": \"" + Instant.now().plusSeconds(7200) + "\"}",
                        "is not a check in this project"))) {
            HttpResponse<String> r = api.post("/api/v3/windows/", p.rw(), bad.body());
            assertThat(r.statusCode()).as(bad.body()).isEqualTo(400);
            assertThat(ApiClient.json(r).getString("error")).as(bad.body()).contains(bad.error());
        }
        assertThat(api.post("/api/v3/windows/", p.ro(), "{}").statusCode()).isEqualTo(401);

        assertThat(api.delete("/api/v3/windows/" + weekly.getString("uuid"), p.rw()).statusCode()).isEqualTo(200);
        assertThat(api.delete("/api/v3/windows/" + weekly.getString("uuid"), p.rw()).statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(api.get("/api/v3/windows/", p.rw())).getJsonArray("windows")).isEmpty();
    }
}
