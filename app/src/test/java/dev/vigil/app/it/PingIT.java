package dev.vigil.app.it;

import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ping API over real HTTP on the real uber jar, against a real PostgreSQL: every case on both listeners, the
 * servlet on the main port and the fast listener on its own port, which must behave the same.
 */
class PingIT {

    /** Where pings are sent. */
    enum Listener {
        SERVLET, FAST;

        URI uri(String path) {
            return this == SERVLET ? vigil.app.uri(path) : vigil.app.pingUri(path);
        }

        int port() {
            return this == SERVLET ? vigil.app.port() : vigil.app.pingPort();
        }
    }

    private static SharedVigil vigil;
    private static Fixtures db;
    private Fixtures.Project project; // one per case: the slug cases run once per listener

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
        db = new Fixtures(vigil.database);
    }

    @BeforeEach
    void newProject() throws SQLException {
        project = db.project();
    }

    private static HttpResponse<String> ping(Listener on, String path) throws IOException {
        return vigil.app.send(HttpRequest.newBuilder(on.uri("/ping/" + path)).GET());
    }

    private static HttpResponse<String> ping(Listener on, String method, String path, byte[] body)
            throws IOException {
        return vigil.app.send(HttpRequest.newBuilder(on.uri("/ping/" + path))
                .header("User-Agent", "vigil-it/1.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String pingColumn(UUID check, long n, String column) throws SQLException {
        return db.value("SELECT " + column + " FROM pings WHERE check_id = '" + check + "' AND n = " + n);
    }

    private static String checkColumn(UUID check, String column) throws SQLException {
        return db.value("SELECT " + column + " FROM checks WHERE id = '" + check + "'");
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void successByUuidIsRecordedAndBringsTheCheckUp(Listener on) throws Exception {
        UUID check = db.check(project, "uuid-success");
        HttpResponse<String> r = ping(on, "GET", check.toString(), null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("OK");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Ping-Body-Limit")).hasValue("100000");
        assertThat(pingColumn(check, 1, "kind")).isEqualTo("success");
        assertThat(pingColumn(check, 1, "method")).isEqualTo("GET");
        assertThat(pingColumn(check, 1, "scheme")).isEqualTo("http");
        assertThat(pingColumn(check, 1, "user_agent")).isEqualTo("vigil-it/1.0");
        assertThat(pingColumn(check, 1, "remote_addr")).isEqualTo("127.0.0.1");
        assertThat(checkColumn(check, "status")).isEqualTo("up");
        assertThat(checkColumn(check, "n_pings")).isEqualTo("1");
        assertThat(db.count("SELECT count(*) FROM checks WHERE id = '" + check
                + "' AND last_ping BETWEEN now() - interval '1 minute' AND now()")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM checks WHERE id = '" + check
                + "' AND alert_after = last_ping + interval '70 minutes'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM flips WHERE check_id = '" + check
                + "' AND old_status = 'new' AND new_status = 'up'")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void signalsAndExitStatusesSetTheKind(Listener on) throws Exception {
        UUID check = db.check(project, "signals");
        String id = check.toString();
        assertThat(ping(on, id + "/start").statusCode()).isEqualTo(200);
        assertThat(ping(on, id + "/log").statusCode()).isEqualTo(200);
        assertThat(ping(on, id + "/0").statusCode()).isEqualTo(200);
        assertThat(ping(on, id + "/3").statusCode()).isEqualTo(200);
        assertThat(ping(on, id + "/fail").statusCode()).isEqualTo(200);
        assertThat(ping(on, id + "/").statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT string_agg(kind || coalesce(':' || exit_status, ''), ',' ORDER BY n) "
                + "FROM pings WHERE check_id = '" + id + "'"))
                .isEqualTo("start,log,success:0,fail:3,fail,success");
        assertThat(checkColumn(check, "status")).isEqualTo("up");
        assertThat(db.value("SELECT string_agg(old_status || '>' || new_status || '/' || reason, ',' ORDER BY id) "
                + "FROM flips WHERE check_id = '" + id + "'")).isEqualTo("new>up/,up>down/fail,down>up/");
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void malformedUrlsAreRejectedAndRecordNothing(Listener on) throws Exception {
        UUID check = db.check(project, "malformed");
        assertThat(ping(on, check + "/256").statusCode()).isEqualTo(400);
        assertThat(ping(on, check + "/256").body()).isEqualTo("invalid url format");
        assertThat(ping(on, check + "/99999999999999999999").statusCode()).isEqualTo(400);
        assertThat(ping(on, check + "?rid=not-a-uuid").body()).isEqualTo("invalid uuid format");
        assertThat(ping(on, check.toString().toUpperCase()).statusCode()).isEqualTo(404);
        assertThat(ping(on, check + "/nonsense").statusCode()).isEqualTo(404);
        assertThat(ping(on, project.pingKey() + "/Malformed").statusCode()).isEqualTo(400);
        assertThat(ping(on, UUID.randomUUID().toString()).body()).isEqualTo("not found");
        assertThat(db.count("SELECT count(*) FROM pings WHERE check_id = '" + check + "'")).isZero();
    }

    /** The URL's corners, answered as Healthchecks answers them (seen side by side with its source). */
    @ParameterizedTest
    @EnumSource(Listener.class)
    void urlEdgeCasesAreAnsweredAsHealthchecksDoes(Listener on) throws Exception {
        UUID check = db.check(project, "edges");
        // An empty run id is a malformed one, with or without "=".
        assertThat(ping(on, check + "/start?rid=").statusCode()).isEqualTo(400);
        assertThat(ping(on, check + "/start?rid=").body()).isEqualTo("invalid uuid format");
        assertThat(ping(on, check + "?rid").body()).isEqualTo("invalid uuid format");
        assertThat(db.count("SELECT count(*) FROM pings WHERE check_id = '" + check + "'")).isZero();
        // Leading zeros: any run of digits is the number it spells.
        assertThat(ping(on, check + "/0255").statusCode()).isEqualTo(200);
        assertThat(ping(on, check + "/000").statusCode()).isEqualTo(200);
        assertThat(ping(on, check + "/00000000000000000007").statusCode()).isEqualTo(200);
        assertThat(ping(on, check + "/0256").body()).isEqualTo("invalid url format");
        assertThat(db.value("SELECT string_agg(kind || ':' || exit_status, ',' ORDER BY n) FROM pings "
                + "WHERE check_id = '" + check + "'")).isEqualTo("fail:255,success:0,fail:7");
        // Slugs: upper case is refused; ?create= other than 1 creates nothing; no check has more than 100 characters.
        assertThat(ping(on, project.pingKey() + "/Edges?create=1").body()).isEqualTo("invalid url format");
        for (String create : List.of("0", "true", "yes", "")) {
            HttpResponse<String> r = ping(on, project.pingKey() + "/not-made?create=" + create);
            assertThat(r.statusCode()).as("create=%s", create).isEqualTo(404);
            assertThat(r.body()).isEqualTo("not found");
        }
        String longest = "s".repeat(100);
        assertThat(ping(on, project.pingKey() + "/" + longest + "?create=1").statusCode()).isEqualTo(201);
        HttpResponse<String> tooLong = ping(on, project.pingKey() + "/" + longest + "x?create=1");
        assertThat(tooLong.statusCode()).isEqualTo(404);
        assertThat(tooLong.body()).isEqualTo("not found");
        assertThat(db.value("SELECT string_agg(length(slug) || '/' || length(name), ',') FROM checks "
                + "WHERE project_id = '" + project.id() + "' AND slug LIKE 'sss%'")).isEqualTo("100/100");
        assertThat(db.count("SELECT count(*) FROM checks WHERE project_id = '" + project.id()
                + "' AND slug = 'not-made'")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void headAndPostCountAndHeadHasNoBody(Listener on) throws Exception {
        UUID check = db.check(project, "methods");
        HttpResponse<String> head = ping(on, "HEAD", check.toString(), null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(ping(on, "POST", check + "/fail", "boom".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(200);
        assertThat(db.value("SELECT string_agg(method || ' ' || kind, ',' ORDER BY n) FROM pings WHERE check_id = '"
                + check + "'")).isEqualTo("HEAD success,POST fail");
        assertThat(pingColumn(check, 2, "convert_from(body, 'UTF8')")).isEqualTo("boom");
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void optionsIsACorsPreflightNotAPing(Listener on) throws Exception {
        UUID check = db.check(project, "preflight");
        HttpResponse<String> r = ping(on, "OPTIONS", check.toString(), null);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                v -> assertThat(v).contains("POST"));
        assertThat(checkColumn(check, "n_pings")).isEqualTo("0");
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void slugUrlsFindTheCheckOfTheProject(Listener on) throws Exception {
        UUID check = db.check(project, "nightly-backup");
        assertThat(ping(on, project.pingKey() + "/nightly-backup").body()).isEqualTo("OK");
        assertThat(ping(on, project.pingKey() + "/nightly-backup/start").statusCode()).isEqualTo(200);
        assertThat(ping(on, project.pingKey() + "/nightly-backup/1").statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT string_agg(kind, ',' ORDER BY n) FROM pings WHERE check_id = '" + check + "'"))
                .isEqualTo("success,start,fail");
        assertThat(ping(on, project.pingKey() + "/no-such-slug").statusCode()).isEqualTo(404);
        assertThat(ping(on, "nosuchkey000000000000/nightly-backup").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void twoChecksWithOneSlugAnswer409AndRecordNothing(Listener on) throws Exception {
        UUID a = db.check(project, "twins");
        UUID b = db.check(project, "twins");
        HttpResponse<String> r = ping(on, project.pingKey() + "/twins");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).isEqualTo("ambiguous slug");
        assertThat(db.count("SELECT count(*) FROM pings WHERE check_id IN ('" + a + "', '" + b + "')")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void createOneMakesTheMissingCheckWithDefaultsAndAllChannels(Listener on) throws Exception {
        Fixtures.Project p = db.project();
        UUID channel = db.channel(p);
        HttpResponse<String> first = ping(on, p.pingKey() + "/auto-made?create=1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("Created");
        String id = db.value("SELECT id FROM checks WHERE project_id = '" + p.id() + "' AND slug = 'auto-made'");
        assertThat(id).isNotNull();
        assertThat(db.value("SELECT name || ' ' || kind || ' ' || timeout_s || ' ' || grace_s || ' ' || status "
                + "FROM checks WHERE id = '" + id + "'")).isEqualTo("auto-made simple 86400 3600 up");
        assertThat(db.value("SELECT channel_id FROM check_channels WHERE check_id = '" + id + "'"))
                .isEqualTo(channel.toString());
        assertThat(ping(on, p.pingKey() + "/auto-made?create=1").statusCode()).isEqualTo(200);
        assertThat(ping(on, p.pingKey() + "/never-made").statusCode()).isEqualTo(404);
        assertThat(db.count("SELECT count(*) FROM checks WHERE project_id = '" + p.id() + "'")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void runIdsPairEachEndWithItsStart(Listener on) throws Exception {
        UUID check = db.check(project, "runs");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(ping(on, check + "/start?rid=" + a).statusCode()).isEqualTo(200);
        assertThat(ping(on, check + "/start?rid=" + b.toString().toUpperCase()).statusCode()).isEqualTo(200);
        assertThat(ping(on, check + "?rid=" + a).statusCode()).isEqualTo(200);
        assertThat(ping(on, check + "/fail?rid=" + b).statusCode()).isEqualTo(200);
        assertThat(ping(on, check + "?rid=" + UUID.randomUUID()).statusCode()).isEqualTo(200);
        // the ends (n 3 and 4) carry the time since their own starts (n 1 and 2); the stray end has none
        assertThat(db.count("SELECT count(*) FROM pings e JOIN pings s ON s.check_id = e.check_id "
                + "WHERE e.check_id = '" + check + "' AND ((e.n = 3 AND s.n = 1) OR (e.n = 4 AND s.n = 2)) "
                + "AND e.duration_ms = floor(extract(epoch FROM e.created - s.created) * 1000)")).isEqualTo(2);
        assertThat(pingColumn(check, 5, "duration_ms")).isNull();
        assertThat(pingColumn(check, 2, "rid")).isEqualTo(b.toString());
        assertThat(checkColumn(check, "last_start")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void bodiesAreKeptUpToTheLimitAndNeverRejected(Listener on) throws Exception {
        UUID check = db.check(project, "bodies");
        byte[] big = new byte[150_000];
        Arrays.fill(big, (byte) 'x');
        big[0] = 'A';
        assertThat(ping(on, "POST", check.toString(), big).statusCode()).isEqualTo(200);
        assertThat(pingColumn(check, 1, "body_size")).isEqualTo("150000");
        assertThat(storedBody(check, 1)).isEqualTo(Arrays.copyOf(big, 100_000));

        byte[] huge = new byte[10 * 1024 * 1024];
        assertThat(ping(on, "POST", check + "/log", huge).statusCode()).isEqualTo(200);
        assertThat(pingColumn(check, 2, "body_size")).isEqualTo(String.valueOf(huge.length));
        assertThat(storedBody(check, 2)).hasSize(100_000);

        byte[] binary = {(byte) 0xff, 0, (byte) 0xfe, 10};
        assertThat(ping(on, "POST", check + "/log", binary).statusCode()).isEqualTo(200);
        assertThat(pingColumn(check, 3, "encode(body, 'hex')")).isEqualTo("ff00fe0a");
    }

    /** A ping's kept body, from its row or, for large ones, from object storage. */
    private static byte[] storedBody(UUID check, long n) throws SQLException {
        String key = pingColumn(check, n, "object_key");
        if (key == null) {
            return HexFormat.of().parseHex(pingColumn(check, n, "encode(body, 'hex')"));
        }
        return vigil.objects.awaitObject(key);
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void postOnlyChecksAndManuallyResumedPausedChecksIgnorePings(Listener on) throws Exception {
        UUID postOnly = db.check(project, "post-only", "methods = 'POST'");
        assertThat(ping(on, postOnly.toString()).statusCode()).isEqualTo(200);
        assertThat(ping(on, "POST", postOnly.toString(), new byte[0]).statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT string_agg(kind, ',' ORDER BY n) FROM pings WHERE check_id = '" + postOnly + "'"))
                .isEqualTo("ign,success");

        UUID paused = db.check(project, "paused-manual", "status = 'paused', manual_resume = true");
        assertThat(ping(on, paused.toString()).statusCode()).isEqualTo(200);
        assertThat(pingColumn(paused, 1, "kind")).isEqualTo("ign");
        assertThat(checkColumn(paused, "status")).isEqualTo("paused");

        UUID resumes = db.check(project, "paused-auto", "status = 'paused'");
        assertThat(ping(on, resumes.toString()).statusCode()).isEqualTo(200);
        assertThat(checkColumn(resumes, "status")).isEqualTo("up");
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void forwardedForIsBelievedOnlyFromTrustedProxies(Listener on) throws Exception {
        UUID check = db.check(project, "forwarded");
        String request = "GET /ping/" + check + " HTTP/1.1\r\nHost: vigil\r\nX-Forwarded-For: 203.0.113.9, 10.0.0.1"
                + "\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n";
        assertThat(rawRequest(on, "127.0.0.1", request)).startsWith("HTTP/1.1 200");
        assertThat(rawRequest(on, "127.0.0.2", request)).startsWith("HTTP/1.1 200");
        assertThat(db.value("SELECT string_agg(remote_addr || ' ' || scheme, ',' ORDER BY n) FROM pings "
                + "WHERE check_id = '" + check + "'")).isEqualTo("203.0.113.9 https,127.0.0.2 http");
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void concurrentPingsAreAllCommittedWithGaplessSerials(Listener on) throws Exception {
        List<UUID> checks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            checks.add(db.check(project, "burst-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                UUID target = checks.get(i % checks.size());
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return ping(on, target.toString()).statusCode();
                    } catch (IOException e) {
                        return -1;
                    }
                }, pool));
            }
            assertThat(answers.stream().map(CompletableFuture::join)).containsOnly(200);
        } finally {
            pool.shutdown();
        }
        String ids = String.join("','", checks.stream().map(UUID::toString).toList());
        assertThat(db.count("SELECT count(*) FROM pings WHERE check_id IN ('" + ids + "')")).isEqualTo(400);
        assertThat(db.count("SELECT count(*) FROM checks WHERE id IN ('" + ids + "') AND n_pings = 20")).isEqualTo(20);
        assertThat(db.count("SELECT count(DISTINCT (check_id, n)) FROM pings WHERE check_id IN ('" + ids
                + "') AND n BETWEEN 1 AND 20")).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void oldPingsArePrunedInTheBackground(Listener on) throws Exception {
        UUID check = db.check(project, "pruned"); // the shared server keeps 50 pings per check
        for (int i = 0; i < 250; i++) {
            assertThat(ping(on, check + "/log").statusCode()).isEqualTo(200);
        }
        String where = " FROM pings WHERE check_id = '" + check + "'";
        Await.until(Duration.ofSeconds(20), () -> count("SELECT min(n)" + where) == 151,
                () -> "oldest ping kept: " + count("SELECT min(n)" + where));
        assertThat(db.count("SELECT count(*)" + where)).isEqualTo(100);
        assertThat(checkColumn(check, "n_pings")).isEqualTo("250");
    }

    private static long count(String query) {
        try {
            return db.count(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void keepAliveServesManyPingsOnOneConnectionUntilTheClientSaysClose(Listener on) throws Exception {
        UUID check = db.check(project, "keep-alive");
        try (RawHttp c = RawHttp.connect(on.port())) {
            for (int i = 0; i < 50; i++) {
                RawHttp.Response r = c.send(get("/ping/" + check + "/log", "")).read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Connection")).isNull();
            }
            RawHttp.Response last = c.send(get("/ping/" + check, "Connection: close\r\n")).read();
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.header("Connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(checkColumn(check, "n_pings")).isEqualTo("51");
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void pipelinedRequestsAreAnsweredInOrder(Listener on) throws Exception {
        UUID check = db.check(project, "pipelined");
        StringBuilder requests = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // more than the fast listener reads ahead: it pauses, then reads on
            // (no 400s: the servlet container closes the connection after one)
            requests.append(switch (i % 4) {
                case 0 -> get("/ping/" + check + "/" + i / 4, "");
                case 1 -> get("/ping/" + UUID.randomUUID(), "");
                case 2 -> "HEAD /ping/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: vigil\r\n\r\n";
                default -> "OPTIONS /ping/" + check + " HTTP/1.1\r\nHost: vigil\r\n\r\n";
            });
            expected.add(List.of("200 OK", "404 not found", "404 ", "204 ").get(i % 4));
        }
        List<String> answers = new ArrayList<>();
        try (RawHttp c = RawHttp.connect(on.port())) {
            c.send(requests.toString());
            for (int i = 0; i < 40; i++) {
                RawHttp.Response r = c.read(i % 4 == 2);
                answers.add(r.status() + " " + r.body());
            }
        }
        assertThat(answers).isEqualTo(expected);
        // and committed in the order they were sent
        assertThat(db.value("SELECT string_agg(exit_status::text, ',' ORDER BY n) FROM pings WHERE check_id = '"
                + check + "'")).isEqualTo("0,1,2,3,4,5,6,7,8,9");
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void expectContinueGetsTheInterimAnswerBeforeTheBodyIsSent(Listener on) throws Exception {
        UUID check = db.check(project, "expect");
        byte[] body = new byte[3000];
        Arrays.fill(body, (byte) 'e');
        try (RawHttp c = RawHttp.connect(on.port())) {
            c.send("POST /ping/" + check + "/log HTTP/1.1\r\nHost: vigil\r\nContent-Length: 3000\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            assertThat(c.read().statusLine()).isEqualTo("HTTP/1.1 100 Continue");
            RawHttp.Response r = c.send(body).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("OK");
        }
        assertThat(pingColumn(check, 1, "body_size")).isEqualTo("3000");
        assertThat(storedBody(check, 1)).isEqualTo(body);
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void chunkedBodiesAreKeptAndCounted(Listener on) throws Exception {
        UUID check = db.check(project, "chunked");
        try (RawHttp c = RawHttp.connect(on.port())) {
            RawHttp.Response r = c.send("POST /ping/" + check + " HTTP/1.1\r\nHost: vigil\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(pingColumn(check, 1, "body_size || ' ' || convert_from(body, 'UTF8')")).isEqualTo("11 hello world");
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void http10ClosesUnlessAskedToKeepAlive(Listener on) throws Exception {
        UUID check = db.check(project, "http10");
        try (RawHttp c = RawHttp.connect(on.port())) {
            RawHttp.Response r = c.send("GET /ping/" + check + " HTTP/1.0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(10))).isTrue();
        }
        try (RawHttp c = RawHttp.connect(on.port())) {
            for (int i = 0; i < 2; i++) {
                RawHttp.Response r = c.send("GET /ping/" + check + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                        .read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Connection")).isEqualTo("keep-alive");
            }
        }
        assertThat(checkColumn(check, "n_pings")).isEqualTo("3");
    }

    /** Status, body and the headers that matter, spelled the same: what the Healthchecks clients see. */
    @Test
    void bothListenersAnswerAlike() throws Exception {
        Fixtures.Project p = db.project();
        UUID check = db.check(p, "alike");
        db.check(p, "alike-twin");
        db.check(p, "alike-twin");
        List<String> requests = List.of(
                get("/ping/" + check, ""),
                get("/ping/" + check + "/log", "User-Agent: x\r\n"),
                "HEAD /ping/" + check + " HTTP/1.1\r\nHost: vigil\r\n\r\n",
                "OPTIONS /ping/" + check + " HTTP/1.1\r\nHost: vigil\r\n\r\n",
                "POST /ping/" + check + "/fail HTTP/1.1\r\nHost: vigil\r\nContent-Length: 2\r\n\r\nno",
                get("/ping/" + UUID.randomUUID(), ""),
                get("/ping", ""),
                get("/ping/" + check + "/256", ""),
                get("/ping/" + check + "?rid=x", ""),
                get("/ping/" + p.pingKey() + "/alike-twin", ""));
        for (String request : requests) {
            boolean head = request.startsWith("HEAD");
            RawHttp.Response servlet;
            RawHttp.Response fast;
            try (RawHttp a = RawHttp.connect(vigil.app.port()); RawHttp b = RawHttp.connect(vigil.app.pingPort())) {
                servlet = a.send(request).read(head);
                fast = b.send(request).read(head);
            }
            assertThat(fast.statusLine()).as(request).isEqualTo(servlet.statusLine());
            assertThat(fast.body()).as(request).isEqualTo(servlet.body());
            assertThat(pingHeaders(fast)).as(request).containsExactlyInAnyOrderElementsOf(pingHeaders(servlet));
        }
    }

    /** The answer's header lines but those the servlet container adds of its own or decides per connection. */
    private static List<String> pingHeaders(RawHttp.Response r) {
        return r.headerLines().stream().filter(h -> !h.startsWith("Server:") && !h.startsWith("X-Frame-Options:")
                && !h.startsWith("Connection:")).toList();
    }

    private static String get(String path, String headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: vigil\r\n" + headers + "\r\n";
    }

    /** An HTTP/1.1 exchange from a chosen local address (to look like another client than 127.0.0.1). */
    private static String rawRequest(Listener on, String fromAddress, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            s.connect(new InetSocketAddress("127.0.0.1", on.port()), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
