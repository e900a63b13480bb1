package dev.vigil.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the fast ping listener does (the cases both listeners share are in {@link PingIT}): it serves nothing
 * but the ping API, and it protects itself from requests that are too large, malformed or too slow.
 */
class PingListenerIT {

    private static SharedVigil vigil;
    private static Fixtures db;
    private static Fixtures.Project project;

    @BeforeAll
    static void start() throws SQLException {
        vigil = SharedVigil.get();
        db = new Fixtures(vigil.database);
        project = db.project();
    }

    private static RawHttp connect() throws Exception {
        return RawHttp.connect(vigil.app.pingPort());
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: vigil\r\n\r\n";
    }

    @Test
    void pathsOutsideThePingApiAreNotFound() throws Exception {
        try (RawHttp c = connect()) {
            for (String path : new String[] {"/health", "/", "/api/v3/checks/", "/pingx", "/static/../ping"}) {
                RawHttp.Response r = c.send(get(path)).read();
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.body()).isEqualTo("not found");
                assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
            }
        }
    }

    @Test
    void anOversizedRequestLineIs414AndTheConnectionCloses() throws Exception {
        try (RawHttp c = connect()) {
            RawHttp.Response r = c.send(get("/ping/" + "a".repeat(9000))).read();
            assertThat(r.status()).isEqualTo(414);
            assertThat(r.body()).isEqualTo("uri too long");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void oversizedHeadersAre431AndTheConnectionCloses() throws Exception {
        UUID check = db.check(project, "big-headers");
        try (RawHttp c = connect()) {
            RawHttp.Response r = c.send("GET /ping/" + check + " HTTP/1.1\r\nHost: vigil\r\nX-Padding: "
                    + "p".repeat(17_000) + "\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(431);
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(db.count("SELECT n_pings FROM checks WHERE id = '" + check + "'")).isZero();
    }

    @Test
    void aMalformedRequestIs400AndTheConnectionCloses() throws Exception {
        try (RawHttp c = connect()) {
            RawHttp.Response r = c.send("POST /ping/x HTTP/1.1\r\nHost: vigil\r\nContent-Length: many\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("bad request");
            assertThat(c.closedByServer(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheTimeout() throws Exception {
        UUID check = db.check(project, "idle");
        try (RawHttp c = connect()) {
            assertThat(c.send(get("/ping/" + check)).read().status()).isEqualTo(200);
            long idleSince = System.nanoTime();
            assertThat(c.closedByServer(Duration.ofMillis(SharedVigil.PING_TIMEOUT_MS * 5L))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - idleSince))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(SharedVigil.PING_TIMEOUT_MS - 100));
        }
    }

    @Test
    void aRequestThatStallsIsAnswered408AndNotRecorded() throws Exception {
        UUID check = db.check(project, "stalled");
        try (RawHttp c = connect()) {
            // a body announced and never finished: the client is too slow, or gone without closing
            c.send("POST /ping/" + check + " HTTP/1.1\r\nHost: vigil\r\nContent-Length: 1000\r\n\r\nonly this");
            long stalledSince = System.nanoTime();
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.body()).isEqualTo("request timeout");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(Duration.ofNanos(System.nanoTime() - stalledSince))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(SharedVigil.PING_TIMEOUT_MS - 100));
            assertThat(c.closedByServer(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(db.count("SELECT n_pings FROM checks WHERE id = '" + check + "'")).isZero();
    }

    @Test
    void aClientThatShutsItsSideAfterSendingStillGetsEveryAnswer() throws Exception {
        UUID check = db.check(project, "half-closed");
        try (RawHttp c = connect()) {
            c.send(get("/ping/" + check + "/start") + get("/ping/" + check + "/log") + get("/ping/" + check));
            c.shutdownOutput();
            for (int i = 0; i < 3; i++) {
                assertThat(c.read().status()).isEqualTo(200);
            }
            assertThat(c.closedByServer(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(db.value("SELECT string_agg(kind, ',' ORDER BY n) FROM pings WHERE check_id = '" + check + "'"))
                .isEqualTo("start,log,success");
    }
}
