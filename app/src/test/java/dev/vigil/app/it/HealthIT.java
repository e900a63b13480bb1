package dev.vigil.app.it;

import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /health, /version and the maintenance file on the real uber jar, against a real PostgreSQL. */
class HealthIT {

    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
    }

    @Test
    void healthyServerAnswersOk() throws IOException {
        HttpResponse<String> r = vigil.app.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok\n");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void headRequestGetsTheSameStatus() throws IOException {
        HttpResponse<String> r = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void maintenanceFileTurnsHealthInto404UntilRemoved() throws IOException {
        Files.writeString(vigil.app.maintenanceFile(), "deploy in progress\n");
        try {
            HttpResponse<String> r = vigil.app.get("/health");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).isEqualTo("maintenance\n");
        } finally {
            Files.delete(vigil.app.maintenanceFile());
        }
        assertThat(vigil.app.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void databaseOutageAnswers503WithAReasonAndRecovers() throws IOException {
        vigil.databaseLink.cut();
        HttpResponse<String> down;
        try {
            down = vigil.app.get("/health");
        } finally {
            vigil.databaseLink.restore();
        }
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).startsWith("database unavailable: ");
        Await.until(Duration.ofSeconds(30), () -> statusOf("/health") == 200,
                () -> "health after the database came back: " + statusOf("/health"));
    }

    @Test
    void versionNamesTheBuild() throws IOException {
        HttpResponse<String> r = vigil.app.get("/version");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body())
                .contains("\"version\":\"" + System.getProperty("vigil.version") + "\"")
                .containsPattern("\"commit\":\"([0-9a-f]{40}|unknown)\"");
    }

    @Test
    void migrationsRanBeforeTheFirstRequest() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = vigil.database.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM flyway_schema_history WHERE success AND version = '1'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        assertThat(tables).contains("users", "projects", "api_keys", "checks", "pings", "flips", "channels",
                "check_channels");
    }

    private static int statusOf(String path) {
        try {
            return vigil.app.get(path).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
