package dev.vigil.app.it;

import dev.vigil.testsupport.Await;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up and shutdown of the real uber jar: each test needs a server of its own. */
class StartStopIT {

    @Test
    void failedMigrationStopsTheStartWithAClearMessage() throws Exception {
        String role = "vigil_it_nocreate_" + ProcessHandle.current().pid();
        try (TestDatabase db = TestPostgres.server().createDatabase("badmigration");
             Connection admin = db.connect(); Statement st = admin.createStatement()) {
            // a role that may connect but not create tables: the first migration must fail
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'it-only'");
            try {
                st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                try (VigilProcess app = VigilProcess.launch(VigilProcess.database(db.jdbcUrl(), role, "it-only"))) {
                    int status = app.awaitExit(Duration.ofSeconds(180));
                    assertThat(status).isNotZero();
                    assertThat(app.output())
                            .contains("Vigil cannot start: the database schema could not be migrated")
                            .contains("as " + role)
                            .contains("permission denied for schema public")
                            .doesNotContain("it-only");
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
            } finally {
                st.execute("DROP ROLE " + role); // it owns nothing: its only attempt to create failed
            }
        }
    }

    @Test
    void sigtermLetsRequestsInFlightFinishThenExitsCleanly() throws Exception {
        Duration quiet = Duration.ofMillis(500);
        try (TestDatabase db = TestPostgres.server().createDatabase("shutdown");
             VigilProcess app = VigilProcess.launch(settings(db, Map.of("VIGIL_SHUTDOWN_QUIET_MS",
                     Long.toString(quiet.toMillis()))))) {
            app.awaitHealthy();
            Fixtures fixtures = new Fixtures(db);
            Fixtures.Project project = fixtures.project();
            UUID check = fixtures.check(project, "slow-upload");
            UUID fastCheck = fixtures.check(project, "slow-upload-fast-port");
            byte[] body = new byte[200_000];
            Arrays.fill(body, (byte) 'z');
            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> inFlight;
            try (Connection lock = db.connect(); Statement st = lock.createStatement();
                 Socket pinger = new Socket("127.0.0.1", app.port());
                 Socket fastPinger = new Socket("127.0.0.1", app.pingPort())) {
                // a ping on each listener whose body is half sent when SIGTERM arrives
                OutputStream out = startPing(pinger, check, body);
                OutputStream fastOut = startPing(fastPinger, fastCheck, body);
                // and a health request held in flight: it waits for the table that /health reads
                lock.setAutoCommit(false);
                st.execute("LOCK TABLE flyway_schema_history IN ACCESS EXCLUSIVE MODE");
                inFlight = http.sendAsync(HttpRequest.newBuilder(app.uri("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Await.until(Duration.ofSeconds(20), () -> blockedQueries(db) == 1,
                        () -> "the health request did not reach the database");

                app.terminate();
                Await.until(Duration.ofSeconds(20), () -> app.output().contains("SIGTERM received"),
                        () -> "no drain started:\n" + app.output());
                HttpResponse<String> during = app.get("/health");
                assertThat(during.statusCode()).isEqualTo(503);
                assertThat(during.body()).isEqualTo("shutting down\n");
                assertThat(inFlight).isNotDone();

                assertThat(finishPing(pinger, out, body)).startsWith("HTTP/1.1 200").endsWith("OK");
                lock.commit();
                HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
                assertThat(finished.statusCode()).isEqualTo(200);
                assertThat(finished.body()).isEqualTo("ok\n");

                // the fast listener's ping is the last request in flight now: the drain waits for it too
                Await.pause(quiet.multipliedBy(3));
                assertThat(app.isAlive()).as("still draining").isTrue();
                assertThat(app.output()).doesNotContain("drained in");
                assertThat(finishPing(fastPinger, fastOut, body)).startsWith("HTTP/1.1 200").endsWith("OK");
            }
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(app.output()).contains("drained in")
                    .as("framework noise a newcomer would see").doesNotContain("Invalid Session Management")
                    .doesNotContain("JdbcRuntimeExtension");
            for (UUID c : List.of(check, fastCheck)) {
                assertThat(fixtures.value("SELECT body_size || ' ' || length(body) FROM pings WHERE check_id = '"
                        + c + "'")).isEqualTo("200000 100000"); // committed, truncated to the limit
            }
        }
    }

    @Test
    void aPingPortInUseStopsTheStartWithAClearMessage() throws Exception {
        try (TestDatabase db = TestPostgres.server().createDatabase("pingport");
             ServerSocket taken = new ServerSocket(0);
             VigilProcess app = VigilProcess.launch(settings(db, Map.of("VIGIL_PING_PORT",
                     Integer.toString(taken.getLocalPort()))))) {
            assertThat(app.awaitExit(Duration.ofSeconds(180))).isNotZero();
            assertThat(app.output()).contains("Vigil cannot start: cannot listen for pings on port "
                    + taken.getLocalPort() + " (VIGIL_PING_PORT)")
                    .contains("; set VIGIL_PING_PORT to a free port, or to off (unset, it is VIGIL_PORT + 1)");
        }
    }

    @Test
    void twoVigilsOnOneMachineNeedOnlyTheirOwnMainPort() throws Exception {
        Map<String, String> onlyMainPort = Map.of("VIGIL_PING_PORT", VigilProcess.DEFAULT_PING_PORT);
        try (TestDatabase db = TestPostgres.server().createDatabase("twoports");
             VigilProcess first = VigilProcess.launch(settings(db, onlyMainPort));
             VigilProcess second = VigilProcess.launch(settings(db, onlyMainPort))) {
            for (VigilProcess app : List.of(first, second)) {
                app.awaitHealthy();
                assertThat(app.pingPort()).isEqualTo(app.port() + 1);
                HttpResponse<String> ping = app.send(HttpRequest.newBuilder(app.pingUri("/ping/" + UUID.randomUUID())));
                assertThat(ping.statusCode()).isEqualTo(404);
                assertThat(app.output()).contains("pings also served at http://*:" + (app.port() + 1) + "/ping/");
            }
        }
    }

    private static Map<String, String> settings(TestDatabase db, Map<String, String> more) {
        Map<String, String> settings = VigilProcess.database(db.jdbcUrl(), db.user(), db.password());
        settings.putAll(more);
        return settings;
    }

    /** Sends a ping's head and half its body. */
    private static OutputStream startPing(Socket s, UUID check, byte[] body) throws IOException {
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /ping/" + check + " HTTP/1.1\r\nHost: vigil\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return out;
    }

    /** Sends the rest of the body and reads the answer to the end of the connection. */
    private static String finishPing(Socket s, OutputStream out, byte[] body) throws IOException {
        out.write(body, body.length / 2, body.length - body.length / 2);
        out.flush();
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }

    private static int blockedQueries(TestDatabase db) {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                     + " AND application_name = 'vigil' AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
