package dev.vigil.app.web;

import dev.vigil.app.api.CheckRow;
import dev.vigil.app.checks.KeywordFilter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardQueryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static CheckRow row(String name, String slug, String tags, String status, Instant lastPing) {
        return new CheckRow(UUID.randomUUID(), UUID.randomUUID(), name, slug, tags, "", "simple", 3600, 600, "",
                "UTC", false, "", status, null, null, lastPing, null, lastPing == null ? 0 : 1, UUID.randomUUID(),
                List.of(), 1, null, KeywordFilter.NONE);
    }

    private static final CheckRow BACKUP = row("Backup", "nightly-backup", "prod db", "up", NOW.minusSeconds(60));
    private static final CheckRow REPORT = row("report", "", "prod", "down", NOW.minusSeconds(86400));
    private static final CheckRow ADHOC = row("ad hoc", "", "", "new", null);
    private static final CheckRow PAUSED = row("Zeta", "", "db", "paused", NOW.minusSeconds(600));
    private static final List<CheckRow> ROWS = List.of(BACKUP, REPORT, ADHOC, PAUSED);

    private static List<String> names(DashboardQuery q) {
        return q.apply(ROWS, NOW).stream().map(CheckRow::name).toList();
    }

    @Test
    void filtersByEveryTagStatusAndTextIgnoringCase() {
        assertThat(names(new DashboardQuery(List.of("prod"), null, null, null))).containsExactly("Backup", "report");
        assertThat(names(new DashboardQuery(List.of("prod", "db"), null, null, null))).containsExactly("Backup");
        assertThat(names(new DashboardQuery(List.of(), "down", null, null))).containsExactly("report");
        assertThat(names(new DashboardQuery(List.of(), null, "NIGHTLY", null))).containsExactly("Backup");
        assertThat(names(new DashboardQuery(List.of(), null, "bAcK", null))).containsExactly("Backup");
        assertThat(names(new DashboardQuery(List.of(), null, PAUSED.id().toString().substring(0, 8), null)))
                .containsExactly("Zeta");
    }

    @Test
    void sortsByNameStatusAndLastPing() {
        assertThat(names(new DashboardQuery(null, null, null, "name")))
                .containsExactly("ad hoc", "Backup", "report", "Zeta");
        assertThat(names(new DashboardQuery(null, null, null, "-name")))
                .containsExactly("Zeta", "report", "Backup", "ad hoc");
        assertThat(names(new DashboardQuery(null, null, null, "status")))
                .containsExactly("report", "Backup", "ad hoc", "Zeta");
        assertThat(names(new DashboardQuery(null, null, null, "last_ping")))
                .containsExactly("Backup", "Zeta", "report", "ad hoc");
        assertThat(names(new DashboardQuery(null, null, null, "-last_ping")))
                .containsExactly("report", "Zeta", "Backup", "ad hoc");
        assertThat(names(DashboardQuery.ALL)).containsExactly("Backup", "report", "ad hoc", "Zeta");
    }

    @Test
    void unknownValuesAreIgnoredAndTheQueryStringRoundTrips() {
        DashboardQuery q = new DashboardQuery(Arrays.asList("db", " ", null), "sideways", "  a&b ", "bogus");
        assertThat(q.tags()).containsExactly("db");
        assertThat(q.status()).isEmpty();
        assertThat(q.sort()).isEqualTo("created");
        assertThat(q.queryString()).isEqualTo("?tag=db&q=a%26b");
        assertThat(new DashboardQuery(List.of("x y"), "down", "", "-name").queryString())
                .isEqualTo("?tag=x+y&status=down&sort=-name");
        assertThat(DashboardQuery.ALL.queryString()).isEmpty();
        assertThat(ProjectPages.safeBack(q.queryString())).isEqualTo(q.queryString());
        assertThat(ProjectPages.safeBack("//evil.example.com")).isEmpty();
        assertThat(ProjectPages.safeBack("?a=1\r\nLocation: x")).isEmpty();
    }

    @Test
    void aBulkSelectionMustBeEntirelyTheProjects() {
        assertThat(DashboardQuery.selected(ROWS, List.of(BACKUP.id().toString(), REPORT.id().toString())))
                .hasValueSatisfying(l -> assertThat(l).containsExactly(BACKUP, REPORT));
        assertThat(DashboardQuery.selected(ROWS, List.of(BACKUP.id().toString(), UUID.randomUUID().toString())))
                .isEmpty();
        assertThat(DashboardQuery.selected(ROWS, List.of("not-a-uuid"))).isEmpty();
        assertThat(DashboardQuery.selected(ROWS, null)).hasValue(List.of());
    }
}
