package dev.vigil.app.it;

import dev.vigil.app.notify.HttpReceiver;
import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert sender inside the real app: a due check is told "down" to a webhook on loopback, a ping "up". */
class AlertsIT {

    private static SharedVigil vigil;
    private static Fixtures db;
    private static Fixtures.Project project;
    private static HttpReceiver receiver;

    @BeforeAll
    static void start() throws SQLException {
        vigil = SharedVigil.get();
        db = new Fixtures(vigil.database);
        project = db.project();
        receiver = new HttpReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @AfterEach
    void resume() throws IOException {
        Files.deleteIfExists(vigil.app.maintenanceFile());
        receiver.clear();
    }

    private String hook() {
        return "{\"down\": {\"url\": \"" + receiver.url("/hook/$STATUS") + "\", \"body\": \"$NAME $CODE\"},"
                + " \"up\": {\"url\": \"" + receiver.url("/hook/$STATUS") + "\", \"body\": \"$NAME $CODE\"}}";
    }

    private UUID dueCheck(String slug, String alertAfterSql) throws SQLException {
        // an hour's period, last pinged two hours ago: the real alert time has passed, the stored one decides
        UUID check = db.check(project, slug, "status = 'up', timeout_s = 3600, grace_s = 60, "
                + "last_ping = now() - interval '2 hours', alert_after = " + alertAfterSql);
        db.channel(project, "webhook", hook(), check);
        return check;
    }

    private String senderStatus() {
        try {
            return vigil.app.get("/health/alerts").body();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aCheckPastItsAlertTimeIsToldDownWithinSecondsAndAPingTellsItUp() throws Exception {
        UUID check = dueCheck("goes-down", "now() + interval '1 second'");

        Await.until(Duration.ofSeconds(10), () -> receiver.requests().size() == 1,
                () -> "requests: " + receiver.requests() + "\n" + vigil.app.output());
        HttpReceiver.Request down = receiver.requests().get(0);
        assertThat(down.method()).isEqualTo("POST");
        assertThat(down.pathAndQuery()).isEqualTo("/hook/down");
        assertThat(down.body()).isEqualTo("goes-down " + check);
        assertThat(db.value("SELECT status FROM checks WHERE id = '" + check + "'")).isEqualTo("down");

        assertThat(vigil.app.get("/ping/" + check).statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(10), () -> receiver.requests().size() == 2,
                () -> "requests: " + receiver.requests());
        HttpReceiver.Request up = receiver.requests().get(1);
        assertThat(up.pathAndQuery()).isEqualTo("/hook/up");
        assertThat(up.body()).isEqualTo("goes-down " + check);
        Await.until(Duration.ofSeconds(10), () -> senderStatus().equals("running idle\n"), this::senderStatus);
        assertThat(db.value("SELECT string_agg(outcome, ',' ORDER BY id) FROM notification_attempts WHERE check_id = '"
                + check + "'")).isEqualTo("sent,sent");
    }

    @Test
    void theUnsubscribeLinkOfAnEmailDisablesItsChannelOnPostOnly() throws Exception {
        UUID channel = db.channel(project, "email", "{\"address\": \"ops@example.com\"}");
        String token = db.value("SELECT unsubscribe_token FROM channels WHERE id = '" + channel + "'");

        HttpResponse<String> page = vigil.app.get("/unsubscribe/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">");
        assertThat(db.value("SELECT disabled FROM channels WHERE id = '" + channel + "'")).isEqualTo("f");

        HttpResponse<String> done = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/unsubscribe/" + token))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT disabled || ' ' || disabled_reason FROM channels WHERE id = '" + channel + "'"))
                .isEqualTo("true unsubscribed by the recipient");
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/unsubscribe/" + UUID.randomUUID()))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
        assertThat(vigil.app.get("/unsubscribe/not-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void theMaintenanceFilePausesTheSenderUntilItIsRemoved() throws Exception {
        Files.writeString(vigil.app.maintenanceFile(), "deploy\n");
        Await.until(Duration.ofSeconds(10), () -> senderStatus().equals("paused idle\n"), this::senderStatus);
        UUID check = dueCheck("paused-by-maintenance", "now() - interval '1 second'");

        Await.pause(Duration.ofSeconds(2)); // four poll intervals of the sender
        assertThat(db.value("SELECT status FROM checks WHERE id = '" + check + "'")).isEqualTo("up");
        assertThat(receiver.requests()).isEmpty();

        Files.delete(vigil.app.maintenanceFile());
        Await.until(Duration.ofSeconds(10), () -> receiver.requests().size() == 1,
                () -> "requests: " + receiver.requests());
        assertThat(receiver.requests().get(0).body()).isEqualTo("paused-by-maintenance " + check);
    }
}
