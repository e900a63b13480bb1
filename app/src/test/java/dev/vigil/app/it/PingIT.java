package dev.vigil.app.it;

import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
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

/** The ping API over real HTTP on the real uber jar, against a real PostgreSQL. */
class PingIT {

    private static SharedVigil vigil;
    private static Fixtures db;
    private static Fixtures.Project project;

    @BeforeAll
    static void start() throws SQLException {
        vigil = SharedVigil.get();
        db = new Fixtures(vigil.database);
        project = db.project();
    }

    private static HttpResponse<String> ping(String path) throws IOException {
        return vigil.app.get("/ping/" + path);
    }

    private static HttpResponse<String> ping(String method, String path, byte[] body) throws IOException {
        return vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + path))
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

    @Test
    void successByUuidIsRecordedAndBringsTheCheckUp() throws Exception {
        UUID check = db.check(project, "uuid-success");
        HttpResponse<String> r = ping("GET", check.toString(), null);

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

    @Test
    void signalsAndExitStatusesSetTheKind() throws Exception {
        UUID check = db.check(project, "signals");
        String id = check.toString();
        assertThat(ping(id + "/start").statusCode()).isEqualTo(200);
        assertThat(ping(id + "/log").statusCode()).isEqualTo(200);
        assertThat(ping(id + "/0").statusCode()).isEqualTo(200);
        assertThat(ping(id + "/3").statusCode()).isEqualTo(200);
        assertThat(ping(id + "/fail").statusCode()).isEqualTo(200);
        assertThat(ping(id + "/").statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT string_agg(kind || coalesce(':' || exit_status, ''), ',' ORDER BY n) "
                + "FROM pings WHERE check_id = '" + id + "'"))
                .isEqualTo("start,log,success:0,fail:3,fail,success");
        assertThat(checkColumn(check, "status")).isEqualTo("up");
        assertThat(db.value("SELECT string_agg(old_status || '>' || new_status || '/' || reason, ',' ORDER BY id) "
                + "FROM flips WHERE check_id = '" + id + "'")).isEqualTo("new>up/,up>down/fail,down>up/");
    }

    @Test
    void malformedUrlsAreRejectedAndRecordNothing() throws Exception {
        UUID check = db.check(project, "malformed");
        assertThat(ping(check + "/256").statusCode()).isEqualTo(400);
        assertThat(ping(check + "/256").body()).isEqualTo("invalid url format");
        assertThat(ping(check + "/99999999999999999999").statusCode()).isEqualTo(400);
        assertThat(ping(check + "?rid=not-a-uuid").body()).isEqualTo("invalid uuid format");
        assertThat(ping(check.toString().toUpperCase()).statusCode()).isEqualTo(404);
        assertThat(ping(check + "/nonsense").statusCode()).isEqualTo(404);
        assertThat(ping(project.pingKey() + "/Malformed").statusCode()).isEqualTo(400);
        assertThat(ping(UUID.randomUUID().toString()).body()).isEqualTo("not found");
        assertThat(db.count("SELECT count(*) FROM pings WHERE check_id = '" + check + "'")).isZero();
    }

    @Test
    void headAndPostCountAndHeadHasNoBody() throws Exception {
        UUID check = db.check(project, "methods");
        HttpResponse<String> head = ping("HEAD", check.toString(), null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(ping("POST", check + "/fail", "boom".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT string_agg(method || ' ' || kind, ',' ORDER BY n) FROM pings WHERE check_id = '"
                + check + "'")).isEqualTo("HEAD success,POST fail");
        assertThat(pingColumn(check, 2, "convert_from(body, 'UTF8')")).isEqualTo("boom");
    }

    @Test
    void optionsIsACorsPreflightNotAPing() throws Exception {
        UUID check = db.check(project, "preflight");
        HttpResponse<String> r = ping("OPTIONS", check.toString(), null);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                v -> assertThat(v).contains("POST"));
        assertThat(checkColumn(check, "n_pings")).isEqualTo("0");
    }

    @Test
    void slugUrlsFindTheCheckOfTheProject() throws Exception {
        UUID check = db.check(project, "nightly-backup");
        assertThat(ping(project.pingKey() + "/nightly-backup").body()).isEqualTo("OK");
        assertThat(ping(project.pingKey() + "/nightly-backup/start").statusCode()).isEqualTo(200);
        assertThat(ping(project.pingKey() + "/nightly-backup/1").statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT string_agg(kind, ',' ORDER BY n) FROM pings WHERE check_id = '" + check + "'"))
                .isEqualTo("success,start,fail");
        assertThat(ping(project.pingKey() + "/no-such-slug").statusCode()).isEqualTo(404);
        assertThat(ping("nosuchkey000000000000/nightly-backup").statusCode()).isEqualTo(404);
    }

    @Test
    void twoChecksWithOneSlugAnswer409AndRecordNothing() throws Exception {
        UUID a = db.check(project, "twins");
        UUID b = db.check(project, "twins");
        HttpResponse<String> r = ping(project.pingKey() + "/twins");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).isEqualTo("ambiguous slug");
        assertThat(db.count("SELECT count(*) FROM pings WHERE check_id IN ('" + a + "', '" + b + "')")).isZero();
    }

    @Test
    void createOneMakesTheMissingCheckWithDefaultsAndAllChannels() throws Exception {
        Fixtures.Project p = db.project();
        UUID channel = db.channel(p);
        HttpResponse<String> first = ping(p.pingKey() + "/auto-made?create=1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("Created");
        String id = db.value("SELECT id FROM checks WHERE project_id = '" + p.id() + "' AND slug = 'auto-made'");
        assertThat(id).isNotNull();
        assertThat(db.value("SELECT name || ' ' || kind || ' ' || timeout_s || ' ' || grace_s || ' ' || status "
                + "FROM checks WHERE id = '" + id + "'")).isEqualTo("auto-made simple 86400 3600 up");
        assertThat(db.value("SELECT channel_id FROM check_channels WHERE check_id = '" + id + "'"))
                .isEqualTo(channel.toString());
        assertThat(ping(p.pingKey() + "/auto-made?create=1").statusCode()).isEqualTo(200);
        assertThat(ping(p.pingKey() + "/never-made").statusCode()).isEqualTo(404);
        assertThat(db.count("SELECT count(*) FROM checks WHERE project_id = '" + p.id() + "'")).isEqualTo(1);
    }

    @Test
    void runIdsPairEachEndWithItsStart() throws Exception {
        UUID check = db.check(project, "runs");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(ping(check + "/start?rid=" + a).statusCode()).isEqualTo(200);
        assertThat(ping(check + "/start?rid=" + b.toString().toUpperCase()).statusCode()).isEqualTo(200);
        assertThat(ping(check + "?rid=" + a).statusCode()).isEqualTo(200);
        assertThat(ping(check + "/fail?rid=" + b).statusCode()).isEqualTo(200);
        assertThat(ping(check + "?rid=" + UUID.randomUUID()).statusCode()).isEqualTo(200);
        // the ends (n 3 and 4) carry the time since their own starts (n 1 and 2); the stray end has none
        assertThat(db.count("SELECT count(*) FROM pings e JOIN pings s ON s.check_id = e.check_id "
                + "WHERE e.check_id = '" + check + "' AND ((e.n = 3 AND s.n = 1) OR (e.n = 4 AND s.n = 2)) "
                + "AND e.duration_ms = floor(extract(epoch FROM e.created - s.created) * 1000)")).isEqualTo(2);
        assertThat(pingColumn(check, 5, "duration_ms")).isNull();
        assertThat(pingColumn(check, 2, "rid")).isEqualTo(b.toString());
        assertThat(checkColumn(check, "last_start")).isNull();
    }

    @Test
    void bodiesAreKeptUpToTheLimitAndNeverRejected() throws Exception {
        UUID check = db.check(project, "bodies");
        byte[] big = new byte[150_000];
        Arrays.fill(big, (byte) 'x');
        big[0] = 'A';
        assertThat(ping("POST", check.toString(), big).statusCode()).isEqualTo(200);
        assertThat(pingColumn(check, 1, "body_size")).isEqualTo("150000");
        assertThat(storedBody(check, 1)).isEqualTo(Arrays.copyOf(big, 100_000));

        byte[] huge = new byte[10 * 1024 * 1024];
        assertThat(ping("POST", check + "/log", huge).statusCode()).isEqualTo(200);
        assertThat(pingColumn(check, 2, "body_size")).isEqualTo(String.valueOf(huge.length));
        assertThat(storedBody(check, 2)).hasSize(100_000);

        byte[] binary = {(byte) 0xff, 0, (byte) 0xfe, 10};
        assertThat(ping("POST", check + "/log", binary).statusCode()).isEqualTo(200);
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

    @Test
    void postOnlyChecksAndManuallyResumedPausedChecksIgnorePings() throws Exception {
        UUID postOnly = db.check(project, "post-only", "methods = 'POST'");
        assertThat(ping(postOnly.toString()).statusCode()).isEqualTo(200);
        assertThat(ping("POST", postOnly.toString(), new byte[0]).statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT string_agg(kind, ',' ORDER BY n) FROM pings WHERE check_id = '" + postOnly + "'"))
                .isEqualTo("ign,success");

        UUID paused = db.check(project, "paused-manual", "status = 'paused', manual_resume = true");
        assertThat(ping(paused.toString()).statusCode()).isEqualTo(200);
        assertThat(pingColumn(paused, 1, "kind")).isEqualTo("ign");
        assertThat(checkColumn(paused, "status")).isEqualTo("paused");

        UUID resumes = db.check(project, "paused-auto", "status = 'paused'");
        assertThat(ping(resumes.toString()).statusCode()).isEqualTo(200);
        assertThat(checkColumn(resumes, "status")).isEqualTo("up");
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() throws Exception {
        UUID check = db.check(project, "forwarded");
        String request = "GET /ping/" + check + " HTTP/1.1\r\nHost: vigil\r\nX-Forwarded-For: 203.0.113.9, 10.0.0.1"
                + "\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n";
        assertThat(rawRequest("127.0.0.1", request)).startsWith("HTTP/1.1 200");
        assertThat(rawRequest("127.0.0.2", request)).startsWith("HTTP/1.1 200");
        assertThat(db.value("SELECT string_agg(remote_addr || ' ' || scheme, ',' ORDER BY n) FROM pings "
                + "WHERE check_id = '" + check + "'")).isEqualTo("203.0.113.9 https,127.0.0.2 http");
    }

    @Test
    void concurrentPingsAreAllCommittedWithGaplessSerials() throws Exception {
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
                        return ping(target.toString()).statusCode();
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

    @Test
    void oldPingsArePrunedInTheBackground() throws Exception {
        UUID check = db.check(project, "pruned"); // the shared server keeps 50 pings per check
        for (int i = 0; i < 250; i++) {
            assertThat(ping(check + "/log").statusCode()).isEqualTo(200);
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

    /** An HTTP/1.1 exchange from a chosen local address (to look like another client than 127.0.0.1). */
    private static String rawRequest(String fromAddress, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            s.connect(new InetSocketAddress("127.0.0.1", vigil.app.port()), 5000);
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
