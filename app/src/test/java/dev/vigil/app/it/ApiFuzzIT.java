package dev.vigil.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random request bodies (wrong types, huge strings, deep nesting, odd Unicode, broken bytes) on every endpoint that
 * reads one: the answer is always a client error or a success, with a JSON body and never a stack trace.
 */
class ApiFuzzIT {

    private static final String[] FIELDS = {"name", "slug", "tags", "desc", "timeout", "grace", "schedule", "tz",
        "manual_resume", "methods", "channels", "unique", "api_key", "success_kw", "filter_body", "email", "project",
        "depends_on", "check", "tag", "start", "end", "duration", "reason"};
    private static final String[] ODD_TEXT = {"", " ", "\u0000", "\ud83d\udd25\u00e9\u4e2d", "\\", "\"", "\u202e",
        "* * * * *", "0 3 * * *", "Europe/Dublin", "POST", "*", "null", "1e999", "\ud800"};

    private static SharedVigil vigil;
    private static ApiClient.Project project;
    private static String checkUuid;

    @BeforeAll
    static void start() throws Exception {
        vigil = SharedVigil.get();
        ApiClient api = new ApiClient(vigil.app);
        project = api.newProject("fuzz");
        checkUuid = ApiClient.json(api.post("/api/v3/checks/", project.rw(), "{}")).getString("uuid");
    }

    @Test
    void randomBodiesNeverBreakTheServer() throws Exception {
        Random random = new Random(20261123L); // fixed: a failure can be replayed
        List<String> paths = List.of("/api/v3/checks/", "/api/v3/checks/" + checkUuid,
                "/api/v3/checks/" + checkUuid + "/pause", "/api/admin/v1/projects", "/api/v3/windows/");
        for (int i = 0; i < 400; i++) {
            byte[] body = random.nextInt(10) == 0 ? garbage(random) : json(random, 0).getBytes(StandardCharsets.UTF_8);
            String path = paths.get(random.nextInt(paths.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(vigil.app.uri(path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            request.header(path.startsWith("/api/admin") ? "Authorization" : "X-Api-Key",
                    path.startsWith("/api/admin") ? "Bearer " + SharedVigil.ADMIN_TOKEN : project.rw());
            String shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            HttpResponse<String> r;
            try {
                r = vigil.app.send(request);
            } catch (HttpTimeoutException e) {
                String log = vigil.app.output();
                throw new AssertionError("no answer to " + path + " " + shown + "\nserver log:\n"
                        + log.substring(Math.max(0, log.length() - 5000)), e);
            }
            assertThat(r.statusCode()).as("%s %s -> %s", path, shown, r.body())
                    .isIn(200, 201, 400, 403, 413, 429);
            assertThat(r.body()).as(shown).doesNotContain("Exception", "\tat ", "dev.vigil");
            if (r.statusCode() >= 400) {
                assertThat(ApiClient.json(r).getString("error")).isNotBlank();
            }
        }
    }

    private static byte[] garbage(Random random) {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String json(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) > 0 && depth < 3) {
            StringBuilder b = new StringBuilder("{");
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ",").append(quote(FIELDS[random.nextInt(FIELDS.length)]))
                        .append(':').append(value(random, depth + 1));
            }
            return b.append('}').toString();
        }
        return value(random, depth + 1);
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(10)) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> random.nextInt(100_000) + "." + random.nextInt(100);
            case 4 -> quote(ODD_TEXT[random.nextInt(ODD_TEXT.length)]);
            case 5 -> quote("x".repeat(random.nextInt(3) == 0 ? 70_000 : random.nextInt(300)));
            case 6 -> "[".repeat(depth * 10) + "]".repeat(depth * 10);
            case 7 -> "[" + quote("name") + "," + quote("tags") + "]";
            case 8 -> depth < 4 ? json(random, depth) : "{}";
            default -> Integer.toString(random.nextInt(40_000_000) - 100);
        };
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
