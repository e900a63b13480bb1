package dev.vigil.app.reports;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportRendererTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    private static final UUID TOKEN = UUID.fromString("00000000-0000-4000-8000-00000000abcd");

    @Test
    void aReportWithoutChecksIsAnErrorNamingTheUserNotAnEmptyEmail() {
        assertThatThrownBy(() -> new ReportRenderer("https://v.example").render(new Report(42, "a@example.com",
                "monthly", START, END, List.of(), TOKEN))).isInstanceOf(IllegalStateException.class)
                .hasMessage("a report for user 42 has no checks");
    }

    @Test
    void plainTextListsEveryCheckByProjectAndNamesThePeriod() {
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000009");
        var mail = new ReportRenderer("https://v.example").render(new Report(7, "a@example.com", "monthly", START,
                END, List.of(new Report.Line(id, "Backups", "", "up", null, Duration.ofMinutes(5)),
                        new Report.Line(id, "Web", "<tls>", "down", START, Duration.ZERO)), TOKEN));
        assertThat(mail.subject()).isEqualTo("Monthly report: 2 checks, 1 down");
        assertThat(mail.text()).startsWith("Vigil monthly report, 1 October 2026 to 31 October 2026 (UTC)\n\n"
                + "Project Backups:\n  " + id + ": up, last ping never, downtime 5 min\n\n"
                + "Project Web:\n  <tls>: down, last ping 2026-10-01 00:00:00 UTC, downtime none\n");
        assertThat(mail.html()).contains("&lt;tls&gt;").doesNotContain("<tls>");
    }

    @Test
    void everyReportOffersTheOneClickUnsubscribeOfReportsAndRemindersAndLinksToTheSettings() {
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000009");
        var mail = new ReportRenderer("https://v.example").render(new Report(7, "a@example.com", "weekly", START,
                END, List.of(new Report.Line(id, "Backups", "db", "up", START, Duration.ZERO)), TOKEN));
        String url = "https://v.example/unsubscribe/" + TOKEN;
        assertThat(mail.headers()).containsEntry("List-Unsubscribe", "<" + url + ">")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(mail.text()).endsWith("\n--\nYou get this report weekly. Change how often, or turn it off, in your "
                + "account settings: https://v.example/accounts/settings/#email-reports\n"
                + "Unsubscribe from reports and reminders: " + url + "\n");
        assertThat(mail.html()).contains("<a href=\"" + url + "\">Unsubscribe from reports and reminders</a>")
                .contains("<a href=\"https://v.example/accounts/settings/#email-reports\">Change how often</a>");
    }
}
