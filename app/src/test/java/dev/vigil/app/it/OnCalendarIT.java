package dev.vigil.app.it;

import dev.vigil.testsupport.Await;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import static dev.vigil.app.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OnCalendar checks through the real app: the API takes systemd calendar events in {@code schedule} (several lines,
 * a zone per line) as Healthchecks does, a ping computes the next elapse, and the alert sender marks the check down
 * once that elapse and the grace time have passed, and not before.
 */
class OnCalendarIT {

    private static SharedVigil vigil;
    private static ApiClient api;
    private static Fixtures db;
    private static ApiClient.Project project;

    @BeforeAll
    static void start() throws Exception {
        vigil = SharedVigil.get();
        api = new ApiClient(vigil.app);
        db = new Fixtures(vigil.database);
        project = api.newProject("oncalendar-it");
    }

    private static JsonObject create(String body) throws Exception {
        HttpResponse<String> r = api.post("/api/v3/checks/", project.rw(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    private static String error(String body) throws Exception {
        HttpResponse<String> r = api.post("/api/v3/checks/", project.rw(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return json(r).getString("error");
    }

    private static String alertAfter(String uuid) throws Exception {
        return db.value("SELECT to_char(alert_after AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                + "FROM checks WHERE id = '" + uuid + "'");
    }

    @Test
    void anOnCalendarCheckIsStoredAndShownWithItsScheduleAndZone() throws Exception {
        JsonObject c = create("{\"name\": \"backup\", \"schedule\": \"Mon..Fri *-*-* 02:30:00\\n*-*~01 12:00 UTC\", "
                + "\"tz\": \"Europe/Riga\", \"grace\": 600}");
        assertThat(c.getString("schedule")).isEqualTo("Mon..Fri *-*-* 02:30:00\n*-*~01 12:00 UTC");
        assertThat(c.getString("tz")).isEqualTo("Europe/Riga");
        assertThat(c.containsKey("timeout")).isFalse();
        assertThat(db.value("SELECT kind FROM checks WHERE id = '" + c.getString("uuid") + "'"))
                .isEqualTo("oncalendar");
        // A five-field line is still cron, and a timeout turns the check back into a simple one.
        HttpResponse<String> cron = api.post("/api/v3/checks/" + c.getString("uuid"), project.rw(),
                "{\"schedule\": \"30 2 * * 1-5\"}");
        assertThat(json(cron).getString("schedule")).isEqualTo("30 2 * * 1-5");
        assertThat(db.value("SELECT kind FROM checks WHERE id = '" + c.getString("uuid") + "'")).isEqualTo("cron");
    }

    @Test
    void badOrNeverElapsingSchedulesAreRefusedWithTheReason() throws Exception {
        assertThat(error("{\"schedule\": \"*-*-* 25:00\"}")).isEqualTo("json validation error: schedule is not a "
                + "valid OnCalendar expression: hour field: value 25 is out of range 0..23");
        assertThat(error("{\"schedule\": \"2020-01-01\"}")).startsWith("json validation error: schedule is not a "
                + "valid OnCalendar expression: \"2020-01-01\" does not elapse in UTC after ");
        assertThat(error("{\"schedule\": \"daily\\n\\nweekly\"}")).isEqualTo("json validation error: schedule is "
                + "not a valid OnCalendar expression: line 2: empty line");
    }

    @Test
    void aPingExpectsTheNextElapseAndTheSenderMarksTheCheckDownAfterIt() throws Exception {
        // Due at a time of day three hours from now: the stored alert time is that elapse plus the grace time.
        Instant due = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String time = String.format(Locale.ROOT, "%tH:%<tM", due.atZone(ZoneOffset.UTC));
        JsonObject later = create("{\"name\": \"later\", \"schedule\": \"*-*-* " + time + " UTC\", \"grace\": 120}");
        // Every minute, with the shortest grace: overdue once a ping is three minutes old.
        JsonObject overdue = create("{\"name\": \"overdue\", \"schedule\": \"minutely\", \"grace\": 60}");
        for (JsonObject c : new JsonObject[] {later, overdue}) {
            assertThat(vigil.app.get("/ping/" + c.getString("uuid")).statusCode()).isEqualTo(200);
        }
        assertThat(alertAfter(later.getString("uuid"))).isEqualTo(due.plusSeconds(120).toString());
        assertThat(db.count("SELECT count(*) FROM checks WHERE id = '" + overdue.getString("uuid")
                + "' AND alert_after = date_trunc('minute', last_ping) + interval '2 minutes'")).isEqualTo(1);

        // Both last pinged three minutes ago and claimed by the sender now: it works out each real alert time.
        for (JsonObject c : new JsonObject[] {later, overdue}) {
            db.sql("UPDATE checks SET last_ping = now() - interval '3 minutes', alert_after = now() "
                    + "WHERE id = '" + c.getString("uuid") + "'");
        }
        Await.until(Duration.ofSeconds(15), () -> "down".equals(status(overdue)), () -> status(overdue));
        assertThat(api.get("/api/v3/checks/" + overdue.getString("uuid"), project.rw()).body())
                .contains("\"status\":\"down\"");
        // The sender stores the later check's real alert time, the next elapse after the moved ping, and leaves it up.
        Await.until(Duration.ofSeconds(15), () -> query("SELECT count(*) FROM checks WHERE id = '"
                + later.getString("uuid") + "' AND alert_after > now() + interval '2 hours'").equals("1"),
                () -> "later: " + status(later));
        assertThat(status(later)).isEqualTo("up");
        assertThat(alertAfter(later.getString("uuid"))).isEqualTo(due.plusSeconds(120).toString());
    }

    private static String query(String sql) {
        try {
            return db.value(sql);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String status(JsonObject c) {
        return query("SELECT status FROM checks WHERE id = '" + c.getString("uuid") + "'");
    }
}
