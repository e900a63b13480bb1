package dev.vigil.app.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.vigil.app.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The management API over HTTP on the real app: every endpoint, its rules, its keys and its JSON. */
class ApiIT {

    private static SharedVigil vigil;
    private static ApiClient api;
    private static Fixtures db;
    private static ApiClient.Project project;
    private static String siteRoot;

    @BeforeAll
    static void start() throws Exception {
        vigil = SharedVigil.get();
        api = new ApiClient(vigil.app);
        db = new Fixtures(vigil.database);
        project = api.newProject("api-it");
        siteRoot = "http://127.0.0.1:" + vigil.app.port();
    }

    private static JsonObject create(String body) throws Exception {
        HttpResponse<String> r = api.post("/api/v3/checks/", project.rw(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    private static String error(HttpResponse<String> r) {
        return json(r).getString("error");
    }

    @Test
    void createReturnsTheDocumentedShapeWithDefaults() throws Exception {
        JsonObject c = create("{}");
        String uuid = c.getString("uuid");
        String root = siteRoot;
        assertThat(c.keySet()).containsExactlyInAnyOrder("name", "slug", "tags", "desc", "grace", "n_pings",
                "status", "started", "last_ping", "next_ping", "manual_resume", "methods", "subject", "subject_fail",
                "start_kw", "success_kw", "failure_kw", "filter_subject", "filter_body", "filter_http_body",
                "filter_default_fail", "badge_url", "uuid", "ping_url", "update_url", "pause_url", "resume_url",
                "channels", "timeout");
        assertThat(c.getString("name")).isEmpty();
        assertThat(c.getInt("timeout")).isEqualTo(86400);
        assertThat(c.getInt("grace")).isEqualTo(3600);
        assertThat(c.getString("status")).isEqualTo("new");
        assertThat(c.getBoolean("started")).isFalse();
        assertThat(c.isNull("last_ping")).isTrue();
        assertThat(c.isNull("next_ping")).isTrue();
        assertThat(c.getString("ping_url")).isEqualTo(root + "/ping/" + uuid);
        assertThat(c.getString("update_url")).isEqualTo(root + "/api/v3/checks/" + uuid);
        assertThat(c.getString("pause_url")).isEqualTo(root + "/api/v3/checks/" + uuid + "/pause");
        assertThat(c.getString("resume_url")).isEqualTo(root + "/api/v3/checks/" + uuid + "/resume");
        assertThat(c.getString("badge_url")).matches(siteRoot + "/b/2/[0-9a-f-]{36}\\.svg");
        assertThat(c.getString("channels")).isEmpty();
    }

    @Test
    void createWithAllFieldsThenGetUpdateAndReadOnlyView() throws Exception {
        UUID channel = db.channel(new Fixtures.Project(UUID.fromString(project.id()), project.pingKey()));
        JsonObject c = create("{\"name\": \"Backups\", \"slug\": \"backups\", \"tags\": \"prod www\", "
                + "\"desc\": \"Runs ~/backup.sh\", \"grace\": 900, \"schedule\": \"0 3 * * *\", \"tz\": "
                + "\"Europe/Riga\", \"manual_resume\": true, \"methods\": \"POST\", \"channels\": \"" + channel
                + "\"}");
        assertThat(c.getString("schedule")).isEqualTo("0 3 * * *");
        assertThat(c.getString("tz")).isEqualTo("Europe/Riga");
        assertThat(c.containsKey("timeout")).isFalse();
        assertThat(c.getBoolean("manual_resume")).isTrue();
        assertThat(c.getString("methods")).isEqualTo("POST");
        assertThat(c.getString("channels")).isEqualTo(channel.toString());
        String uuid = c.getString("uuid");

        JsonObject got = json(api.get("/api/v3/checks/" + uuid, project.rw()));
        assertThat(got).isEqualTo(c);

        HttpResponse<String> updated = api.post("/api/v3/checks/" + uuid, project.rw(), "{\"timeout\": 120, "
                + "\"name\": \"Backups 2\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        JsonObject u = json(updated);
        assertThat(u.getInt("timeout")).isEqualTo(120);
        assertThat(u.containsKey("schedule")).isFalse();
        assertThat(u.getString("name")).isEqualTo("Backups 2");
        assertThat(u.getString("slug")).isEqualTo("backups");
        assertThat(u.getString("tags")).isEqualTo("prod www");
        assertThat(u.getString("channels")).isEqualTo(channel.toString());

        JsonObject ro = json(api.get("/api/v3/checks/" + uuid, project.ro()));
        assertThat(ro.keySet()).doesNotContain("uuid", "ping_url", "update_url", "pause_url", "resume_url",
                "channels").contains("unique_key");
        String uniqueKey = ro.getString("unique_key");
        assertThat(uniqueKey).hasSize(40);
        assertThat(json(api.get("/api/v3/checks/" + uniqueKey, project.ro())).getString("name"))
                .isEqualTo("Backups 2");
        assertThat(api.get("/api/v3/checks/" + "0".repeat(40), project.ro()).statusCode()).isEqualTo(404);
    }

    @Test
    void uniqueCreatesOnceThenUpdates() throws Exception {
        String body = "{\"name\": \"nightly\", \"tags\": \"u1\", \"timeout\": 3600, \"unique\": [\"name\"]}";
        HttpResponse<String> first = api.post("/api/v3/checks/", project.rw(), body);
        HttpResponse<String> second = api.post("/api/v3/checks/", project.rw(),
                body.replace("3600", "7200"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).getString("uuid")).isEqualTo(json(first).getString("uuid"));
        assertThat(json(second).getInt("timeout")).isEqualTo(7200);
        assertThat(api.post("/api/v3/checks/", project.rw(), "{\"unique\": [\"name\"], \"tags\": \"u1\"}")
                .statusCode()).as("unique field missing from the request: a new check").isEqualTo(201);
    }

    @Test
    void listFiltersByTagsAndSlug() throws Exception {
        ApiClient.Project p = api.newProject("list-filter");
        for (String body : List.of("{\"name\": \"a\", \"slug\": \"a\", \"tags\": \"x y\"}",
                "{\"name\": \"b\", \"slug\": \"b\", \"tags\": \"x\"}", "{\"name\": \"c\", \"slug\": \"c\"}")) {
            assertThat(api.post("/api/v3/checks/", p.rw(), body).statusCode()).isEqualTo(201);
        }
        assertThat(names(api.get("/api/v3/checks/", p.rw()))).containsExactly("a", "b", "c");
        assertThat(names(api.get("/api/v3/checks/?tag=x", p.ro()))).containsExactly("a", "b");
        assertThat(names(api.get("/api/v3/checks/?tag=x&tag=y", p.rw()))).containsExactly("a");
        assertThat(names(api.get("/api/v3/checks/?slug=c", p.rw()))).containsExactly("c");
        assertThat(names(api.get("/api/v3/checks", p.rw()))).hasSize(3);
    }

    private static List<String> names(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r).getJsonArray("checks").getValuesAs(JsonObject.class).stream().map(o -> o.getString("name"))
                .toList();
    }

    @Test
    void keysAreCheckedAsHealthchecksDoes() throws Exception {
        assertThat(api.get("/api/v3/checks/", null).statusCode()).isEqualTo(401);
        assertThat(error(api.get("/api/v3/checks/", null))).isEqualTo("missing api key");
        assertThat(error(api.get("/api/v3/checks/", "short"))).isEqualTo("missing api key");
        HttpResponse<String> wrong = api.get("/api/v3/checks/", "vgw_" + "x".repeat(28));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(error(wrong)).isEqualTo("wrong api key");
        HttpResponse<String> roWrite = api.post("/api/v3/checks/", project.ro(), "{}");
        assertThat(roWrite.statusCode()).isEqualTo(401);
        assertThat(error(roWrite)).isEqualTo("wrong api key");
        assertThat(api.post("/api/v3/checks/", null, "{\"api_key\": \"" + project.rw() + "\"}").statusCode())
                .as("key in the body").isEqualTo(201);
        assertThat(api.get("/api/v3/channels/", project.ro()).statusCode()).isEqualTo(401);
    }

    @Test
    void otherProjectsChecksAreForbiddenAndUnknownOnesNotFound() throws Exception {
        ApiClient.Project other = api.newProject("other");
        String theirs = json(api.post("/api/v3/checks/", other.rw(), "{}")).getString("uuid");
        assertThat(api.get("/api/v3/checks/" + theirs, project.rw()).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v3/checks/" + theirs, project.rw(), "{}").statusCode()).isEqualTo(403);
        assertThat(api.delete("/api/v3/checks/" + theirs, project.rw()).statusCode()).isEqualTo(403);
        String unknown = UUID.randomUUID().toString();
        assertThat(api.get("/api/v3/checks/" + unknown, project.rw()).statusCode()).isEqualTo(404);
        assertThat(api.post("/api/v3/checks/" + unknown + "/pause", project.rw(), "").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v3/checks/not-a-uuid", project.rw()).statusCode()).isEqualTo(404);
    }

    @Test
    void validationErrorsNameTheFieldAndTheRule() throws Exception {
        assertInvalid("{\"timeout\": 59}", "json validation error: timeout is too small (at least 60 seconds)");
        assertInvalid("{\"timeout\": 31536001}", "json validation error: timeout is too large (at most 31536000 "
                + "seconds)");
        assertInvalid("{\"grace\": 59}", "json validation error: grace is too small (at least 60 seconds)");
        assertInvalid("{\"timeout\": \"60\"}", "json validation error: timeout is not a number");
        assertInvalid("{\"name\": null}", "json validation error: name is not a string");
        assertInvalid("{\"name\": \"" + "n".repeat(101) + "\"}",
                "json validation error: name is too long (at most 100 characters)");
        assertInvalid("{\"slug\": \"Not OK\"}", "json validation error: slug does not match pattern ^[a-z0-9-_]*$");
        assertInvalid("{\"manual_resume\": 1}", "json validation error: manual_resume is not a boolean");
        assertInvalid("{\"methods\": \"GET\"}",
                "json validation error: methods has unexpected value (expected \"\" or \"POST\")");
        assertInvalid("{\"unique\": [\"desc\"]}", "json validation error: unique has unexpected value (allowed: "
                + "name, slug, tags, timeout, grace)");
        assertInvalid("{\"unique\": \"name\"}", "json validation error: unique is not an array");
        assertInvalid("{\"tz\": \"Mars/Olympus\"}", "json validation error: tz is not a valid timezone: unknown "
                + "time zone \"Mars/Olympus\" (expected an IANA name such as Europe/Dublin or UTC)");
        assertThat(invalid("{\"schedule\": \"61 * * * *\"}"))
                .startsWith("json validation error: schedule is not a valid cron expression: ");
        assertThat(invalid("{\"schedule\": \"Mon *-*-* 25:00\"}")).isEqualTo("json validation error: schedule is "
                + "not a valid OnCalendar expression: hour field: value 25 is out of range 0..23");
        assertInvalid("{\"channels\": \"" + UUID.randomUUID() + "x\"}", null);
        assertInvalid("{\"channels\": \"nope\"}", "invalid channel identifier: nope");
        assertInvalid("{\"channels\": \"a,,b\"}", "empty channel identifier");
        assertInvalid("{\"success_kw\": 1}", "json validation error: success_kw is not a string");
        assertInvalid("{\"start_kw\": \"" + "x".repeat(201) + "\"}",
                "json validation error: start_kw is too long (at most 200 characters)");
        assertInvalid("{\"filter_default_fail\": \"true\"}",
                "json validation error: filter_default_fail is not a boolean");
        assertInvalid("not json", "could not parse request body");
        assertInvalid("[1, 2]", "json validation error: value is not an object");
    }

    private static void assertInvalid(String body, String message) throws Exception {
        String actual = invalid(body);
        if (message != null) {
            assertThat(actual).isEqualTo(message);
        }
    }

    private static String invalid(String body) throws Exception {
        HttpResponse<String> r = api.post("/api/v3/checks/", project.rw(), body);
        assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        return error(r);
    }

    @Test
    void bodiesOverTheLimitAreRefused() throws Exception {
        HttpResponse<String> r = api.post("/api/v3/checks/", project.rw(),
                "{\"desc\": \"" + "d".repeat(70_000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(error(r)).isEqualTo("request body is larger than 65536 bytes");
    }

    @Test
    void checkLimitGives403() throws Exception {
        ApiClient.Project p = api.newProject("limited");
        db.sql("UPDATE projects SET check_limit = 1 WHERE id = '" + p.id() + "'");
        assertThat(api.post("/api/v3/checks/", p.rw(), "{\"name\": \"one\", \"unique\": [\"name\"]}")
                .statusCode()).isEqualTo(201);
        assertThat(api.post("/api/v3/checks/", p.rw(), "{\"name\": \"one\", \"unique\": [\"name\"]}")
                .statusCode()).as("an update does not count").isEqualTo(200);
        HttpResponse<String> over = api.post("/api/v3/checks/", p.rw(), "{\"name\": \"two\"}");
        assertThat(over.statusCode()).isEqualTo(403);
        assertThat(error(over)).isEqualTo("check limit reached");
    }

    @Test
    void pauseResumeAndDelete() throws Exception {
        JsonObject c = create("{\"name\": \"pausable\"}");
        String uuid = c.getString("uuid");
        assertThat(vigil.app.get("/ping/" + uuid).statusCode()).isEqualTo(200);
        HttpResponse<String> notPaused = api.post("/api/v3/checks/" + uuid + "/resume", project.rw(), "");
        assertThat(notPaused.statusCode()).isEqualTo(409);
        assertThat(notPaused.body()).isEqualTo("check is not paused");

        JsonObject paused = json(api.post("/api/v3/checks/" + uuid + "/pause", project.rw(), ""));
        assertThat(paused.getString("status")).isEqualTo("paused");
        assertThat(json(api.post("/api/v3/checks/" + uuid + "/pause", project.rw(), "")).getString("status"))
                .isEqualTo("paused");
        assertThat(db.count("SELECT count(*) FROM flips WHERE check_id = '" + uuid + "' AND new_status = 'paused' "
                + "AND processed IS NOT NULL")).isEqualTo(1);
        JsonObject resumed = json(api.post("/api/v3/checks/" + uuid + "/resume", project.rw(), ""));
        assertThat(resumed.getString("status")).isEqualTo("new");
        assertThat(resumed.isNull("last_ping")).isTrue();

        HttpResponse<String> deleted = api.delete("/api/v3/checks/" + uuid, project.rw());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).getString("uuid")).isEqualTo(uuid);
        assertThat(api.get("/api/v3/checks/" + uuid, project.rw()).statusCode()).isEqualTo(404);
        assertThat(db.count("SELECT count(*) FROM pings WHERE check_id = '" + uuid + "'")).isZero();
        assertThat(db.count("SELECT count(*) FROM flips WHERE check_id = '" + uuid + "'")).isZero();
        assertThat(vigil.app.get("/ping/" + uuid).statusCode()).isEqualTo(404);
    }

    @Test
    void pingsBodiesAndFlips() throws Exception {
        String uuid = create("{\"name\": \"pinged\"}").getString("uuid");
        UUID rid = UUID.randomUUID();
        assertThat(vigil.app.get("/ping/" + uuid + "/start?rid=" + rid).statusCode()).isEqualTo(200);
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + uuid + "?rid=" + rid))
                .header("User-Agent", "api-it").POST(HttpRequest.BodyPublishers.ofString("all good")))
                .statusCode()).isEqualTo(200);
        assertThat(vigil.app.get("/ping/" + uuid + "/fail").statusCode()).isEqualTo(200);

        HttpResponse<String> r = api.get("/api/v3/checks/" + uuid + "/pings/", project.rw());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonArray pings = json(r).getJsonArray("pings");
        assertThat(pings.getValuesAs(JsonObject.class).stream().map(p -> p.getString("type")))
                .containsExactly("fail", "success", "start");
        JsonObject success = pings.getJsonObject(1);
        assertThat(success.keySet()).containsExactlyInAnyOrder("type", "date", "n", "scheme", "remote_addr",
                "method", "ua", "rid", "duration", "body_url");
        assertThat(success.getInt("n")).isEqualTo(2);
        assertThat(success.getString("method")).isEqualTo("POST");
        assertThat(success.getString("ua")).isEqualTo("api-it");
        assertThat(success.getString("rid")).isEqualTo(rid.toString());
        assertThat(success.getString("scheme")).isEqualTo("http");
        assertThat(success.getString("date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
        assertThat(success.getJsonNumber("duration").doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(success.getString("body_url"))
                .isEqualTo(siteRoot + "/api/v3/checks/" + uuid + "/pings/2/body");
        assertThat(pings.getJsonObject(0).isNull("body_url")).isTrue();
        assertThat(pings.getJsonObject(0).containsKey("duration")).isFalse();

        HttpResponse<String> body = api.get("/api/v3/checks/" + uuid + "/pings/2/body", project.rw());
        assertThat(body.statusCode()).isEqualTo(200);
        assertThat(body.body()).isEqualTo("all good");
        assertThat(body.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        assertThat(api.get("/api/v3/checks/" + uuid + "/pings/3/body", project.rw()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v3/checks/" + uuid + "/pings/9/body", project.rw()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v3/checks/" + uuid + "/pings/", project.ro()).statusCode()).isEqualTo(401);

        JsonArray flips = json(api.get("/api/v3/checks/" + uuid + "/flips/", project.ro())).getJsonArray("flips");
        assertThat(flips.getValuesAs(JsonObject.class).stream().map(f -> f.getInt("up"))).containsExactly(0, 1);
        assertThat(flips.getJsonObject(0).getString("timestamp"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(json(api.get("/api/v3/checks/" + uuid + "/flips/?seconds=3600", project.rw()))
                .getJsonArray("flips")).hasSize(2);
        assertThat(json(api.get("/api/v3/checks/" + uuid + "/flips/?end=1000", project.rw()))
                .getJsonArray("flips")).isEmpty();
        assertThat(json(api.get("/api/v3/checks/" + uuid + "/flips/?start=1000", project.rw()))
                .getJsonArray("flips")).hasSize(2);
        for (String bad : List.of("seconds=-1", "seconds=31536001", "start=abc", "end=99999999999")) {
            assertThat(api.get("/api/v3/checks/" + uuid + "/flips/?" + bad, project.rw()).statusCode())
                    .as(bad).isEqualTo(400);
        }
        JsonObject shown = json(api.get("/api/v3/checks/" + uuid, project.rw()));
        assertThat(shown.getString("status")).isEqualTo("down");
        assertThat(shown.getInt("n_pings")).isEqualTo(3);
        assertThat(shown.getString("last_ping")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    }

    @Test
    void channelsListAndChannelsField() throws Exception {
        ApiClient.Project p = api.newProject("channels");
        Fixtures.Project fp = new Fixtures.Project(UUID.fromString(p.id()), p.pingKey());
        UUID a = db.channel(fp);
        UUID b = db.channel(fp);
        db.sql("UPDATE channels SET name = 'ops mail' WHERE id = '" + b + "'");
        JsonArray list = json(api.get("/api/v3/channels/", p.rw())).getJsonArray("channels");
        assertThat(list.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")))
                .containsExactlyInAnyOrder(a.toString(), b.toString());
        assertThat(list.getJsonObject(0).keySet()).containsExactlyInAnyOrder("id", "name", "kind");

        JsonObject all = json(api.post("/api/v3/checks/", p.rw(), "{\"channels\": \"*\"}"));
        assertThat(Set.of(all.getString("channels").split(","))).containsExactlyInAnyOrder(a.toString(),
                b.toString());
        JsonObject byName = json(api.post("/api/v3/checks/" + all.getString("uuid"), p.rw(),
                "{\"channels\": \"ops mail\"}"));
        assertThat(byName.getString("channels")).isEqualTo(b.toString());
        JsonObject none = json(api.post("/api/v3/checks/" + all.getString("uuid"), p.rw(), "{\"channels\": \"\"}"));
        assertThat(none.getString("channels")).isEmpty();
        db.sql("UPDATE channels SET name = 'ops mail' WHERE id = '" + a + "'");
        HttpResponse<String> ambiguous = api.post("/api/v3/checks/", p.rw(), "{\"channels\": \"ops mail\"}");
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(error(ambiguous)).isEqualTo("non-unique channel identifier: ops mail");
    }

    @Test
    void statusAndCorsAndUnknownRoutes() throws Exception {
        HttpResponse<String> status = vigil.app.get("/api/v3/status/");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).isEqualTo("OK");
        HttpResponse<String> options = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/v3/checks/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Access-Control-Allow-Headers")).hasValue("X-Api-Key");
        HttpResponse<String> list = api.get("/api/v3/checks/", project.rw());
        assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<String> unknown = api.get("/api/v3/nothing-here", project.rw());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown)).isEqualTo("not found");
        HttpResponse<String> put = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/v3/checks/"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(put.statusCode()).isEqualTo(405);
    }

    @Test
    void adminEndpointChecksItsToken() throws Exception {
        HttpResponse<String> noToken = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/admin/v1/projects"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"x@example.com\", \"project\": \"x\"}")));
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/admin/v1/projects"))
                .header("Authorization", "Bearer " + SharedVigil.ADMIN_TOKEN + "x")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"x@example.com\", \"project\": \"x\"}")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> badEmail = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/admin/v1/projects"))
                .header("Authorization", "Bearer " + SharedVigil.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"nobody\", \"project\": \"x\"}")));
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(error(badEmail)).isEqualTo("json validation error: email is not an email address");

        ApiClient.Project p = api.newProject("admin-it");
        assertThat(p.rw()).hasSize(32).startsWith("vgw_");
        assertThat(p.ro()).hasSize(32).startsWith("vgr_");
        assertThat(db.count("SELECT count(*) FROM api_keys WHERE project_id = '" + p.id() + "'")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM api_keys WHERE key_hash = convert_to('" + p.rw() + "', 'UTF8')"))
                .as("only hashes are stored").isZero();
        assertThat(vigil.app.output()).contains("created project " + p.id()).doesNotContain(p.rw())
                .doesNotContain(SharedVigil.ADMIN_TOKEN);
    }

    @Test
    void theAdminBootstrapCalledAgainReturnsTheExistingProject() throws Exception {
        ApiClient.Project first = api.newProject("bootstrap-twice");
        String body = "{\"email\": \"IT-bootstrap-twice@example.com\", \"project\": \"bootstrap-twice\"}";
        HttpResponse<String> again = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/admin/v1/projects"))
                .header("Authorization", "Bearer " + SharedVigil.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(again.statusCode()).isEqualTo(200);
        JsonObject existing = ApiClient.json(again);
        assertThat(existing.getString("project")).isEqualTo(first.id());
        assertThat(existing.getString("ping_key")).isEqualTo(first.pingKey());
        assertThat(existing.containsKey("api_key")).as("keys are shown once").isFalse();
        assertThat(db.count("SELECT count(*) FROM projects p JOIN users u ON u.id = p.owner_id "
                + "WHERE u.email = 'it-bootstrap-twice@example.com'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM api_keys WHERE project_id = '" + first.id() + "'")).isEqualTo(2);
        assertThat(api.get("/api/v3/checks/", first.rw()).statusCode()).as("the first keys still work")
                .isEqualTo(200);
        assertThat(vigil.app.output()).contains("found existing project " + first.id());

        ApiClient.Project other = api.newProject("bootstrap-twice-other");
        assertThat(other.id()).as("another name is another project").isNotEqualTo(first.id());
    }
}
