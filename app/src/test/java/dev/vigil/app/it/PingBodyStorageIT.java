package dev.vigil.app.it;

import dev.vigil.app.bodies.ObjectKeys;
import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Large ping bodies through the real app into a real S3-compatible server (S3Proxy). */
class PingBodyStorageIT {

    private static SharedVigil vigil;
    private static Fixtures db;
    private static Fixtures.Project project;

    @BeforeAll
    static void start() throws SQLException {
        vigil = SharedVigil.get();
        db = new Fixtures(vigil.database);
        project = db.project();
    }

    private static HttpResponse<String> post(String path, byte[] body) throws IOException {
        return post(vigil.app.uri("/ping/" + path), body);
    }

    private static HttpResponse<String> post(URI uri, byte[] body) throws IOException {
        return vigil.app.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String pingColumn(UUID check, long n, String column) throws SQLException {
        return db.value("SELECT " + column + " FROM pings WHERE check_id = '" + check + "' AND n = " + n);
    }

    private static byte[] body(int size, String marker) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) '.');
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(m, 0, b, 0, m.length);
        return b;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void largeBodiesGoToTheBucketUnderSortableKeysAndSmallOnesStayInTheDatabase(boolean fastListener)
            throws Exception {
        UUID check = db.check(project, "large-body");
        Function<String, URI> ping = path -> fastListener ? vigil.app.pingUri("/ping/" + path)
                : vigil.app.uri("/ping/" + path);
        byte[] large = body(SharedVigil.BODY_THRESHOLD + 1, "first run output");
        assertThat(post(ping.apply(check.toString()), large).statusCode()).isEqualTo(200);

        String key = check + "/" + String.format("%019d", Long.MAX_VALUE - 1) + "-1";
        assertThat(pingColumn(check, 1, "object_key")).isEqualTo(key);
        assertThat(pingColumn(check, 1, "body")).isNull();
        assertThat(pingColumn(check, 1, "body_size")).isEqualTo(String.valueOf(large.length));
        assertThat(vigil.objects.awaitObject(key)).isEqualTo(large);
        Await.until(Duration.ofSeconds(10), () -> spooled().stream().noneMatch(f -> f.startsWith(check.toString())),
                () -> "uploaded body still in the spool");

        byte[] small = body(SharedVigil.BODY_THRESHOLD, "second");
        assertThat(post(ping.apply(check + "/log"), small).statusCode()).isEqualTo(200);
        assertThat(pingColumn(check, 2, "object_key")).isNull();
        assertThat(pingColumn(check, 2, "length(body)")).isEqualTo(String.valueOf(small.length));
    }

    @Test
    void pruningOldPingsDeletesTheirObjects() throws Exception {
        UUID check = db.check(project, "pruned-bodies");
        for (int i = 1; i <= 100; i++) {
            assertThat(post(check.toString(), body(1500, "run " + i)).statusCode()).isEqualTo(200);
        }
        // VIGIL_PINGS_KEPT is 50: the hundredth ping prunes serials 1..50, rows and objects
        Await.until(Duration.ofSeconds(30), () -> vigil.objects.keys(check + "/").size() == 50,
                () -> "objects left: " + vigil.objects.keys(check + "/").size());
        List<String> keys = vigil.objects.keys(check + "/");
        assertThat(keys.get(0)).endsWith("-100"); // newest first: the listing order the pruning relies on
        assertThat(keys.get(49)).endsWith("-51");
        assertThat(db.value("SELECT min(n) || '-' || max(n) FROM pings WHERE check_id = '" + check + "'"))
                .isEqualTo("51-100");
        assertThat(vigil.objects.get(keys.get(0)).orElseThrow()).isEqualTo(body(1500, "run 100"));
    }

    @Test
    void bodiesWaitInTheSpoolWhileObjectStorageIsDown() throws Exception {
        UUID check = db.check(project, "storage-down");
        byte[] large = body(4000, "written while the bucket was unreachable");
        String key = check + "/" + String.format("%019d", Long.MAX_VALUE - 1) + "-1";
        vigil.objects.link.cut();
        try {
            assertThat(post(check.toString(), large).statusCode()).isEqualTo(200); // the ping does not wait for S3
            assertThat(pingColumn(check, 1, "object_key")).isEqualTo(key);
            assertThat(spooled()).contains(check + "_" + key.substring(key.indexOf('/') + 1));
        } finally {
            vigil.objects.link.restore();
        }
        assertThat(vigil.objects.awaitObject(key)).isEqualTo(large);
    }

    @Test
    void theApiServesStoredBodiesAndDeletingACheckDeletesItsObjects() throws Exception {
        ApiClient api = new ApiClient(vigil.app);
        ApiClient.Project p = api.newProject("bodies-api");
        HttpResponse<String> created = api.post("/api/v3/checks/", p.rw(), "{\"name\": \"bodies via api\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        UUID check = UUID.fromString(ApiClient.json(created).getString("uuid"));
        byte[] large = body(3000, "output kept in the bucket");
        assertThat(post(check.toString(), large).statusCode()).isEqualTo(200);
        assertThat(post(check + "/log", body(10, "small")).statusCode()).isEqualTo(200);
        vigil.objects.awaitObject(ObjectKeys.key(check, 1));

        HttpResponse<String> first = api.get("/api/v3/checks/" + check + "/pings/1/body", p.rw());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(new String(large, StandardCharsets.US_ASCII));
        assertThat(api.get("/api/v3/checks/" + check + "/pings/2/body", p.rw()).body()).isEqualTo("small.....");

        assertThat(api.delete("/api/v3/checks/" + check, p.rw()).statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(20), () -> vigil.objects.keys(check + "/").isEmpty(),
                () -> "objects of the deleted check: " + vigil.objects.keys(check + "/"));
    }

    @Test
    void aBodyNotUploadedYetIsReportedAsStillBeingProcessed() throws Exception {
        ApiClient api = new ApiClient(vigil.app);
        ApiClient.Project p = api.newProject("bodies-pending");
        HttpResponse<String> created = api.post("/api/v3/checks/", p.rw(), "{\"name\": \"pending body\"}");
        UUID check = UUID.fromString(ApiClient.json(created).getString("uuid"));
        // a ping whose body sits in another server's spool: its row names an object that is in no bucket yet
        db.sql("INSERT INTO pings (check_id, n, created, kind, scheme, method, body_size, object_key) VALUES ('"
                + check + "', 1, now(), 'success', 'http', 'POST', 5000, '" + ObjectKeys.key(check, 1) + "')");
        db.sql("UPDATE checks SET n_pings = 1, last_ping = now(), status = 'up' WHERE id = '" + check + "'");

        HttpResponse<String> r = api.get("/api/v3/checks/" + check + "/pings/1/body", p.rw());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("still being processed");

        vigil.objects.put(ObjectKeys.key(check, 1), body(5000, "uploaded at last"));
        HttpResponse<String> later = api.get("/api/v3/checks/" + check + "/pings/1/body", p.rw());
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body()).startsWith("uploaded at last");
    }

    private static List<String> spooled() {
        try {
            return vigil.objects.spooled();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
