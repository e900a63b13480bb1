package dev.vigil.app.reports;

import dev.vigil.app.notify.MailRelay;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderRendererTest {

    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private static final UUID TOKEN = UUID.fromString("00000000-0000-4000-8000-00000000abcd");
    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    private static MailRelay.Mail render(ReminderFrequency f, List<Reminder.Line> down) {
        return new ReminderRenderer("https://v.example").render(new Reminder(7, "a@example.com", f, TOKEN, NOW, down));
    }

    @Test
    void aReminderWithoutADownCheckIsAnErrorNamingTheUserNotAnEmptyEmail() {
        assertThatThrownBy(() -> render(ReminderFrequency.HOURLY, List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessage("a reminder for user 7 has no down check");
    }

    @Test
    void itCountsTheDownChecksAndGivesEachOnesProjectSinceWhenAndDetailsLink() {
        var mail = render(ReminderFrequency.HOURLY, List.of(
                new Reminder.Line(A, "Backups", "nightly", Instant.parse("2026-12-03T23:55:00Z")),
                new Reminder.Line(B, "Web", "", null)));
        assertThat(mail.to()).isEqualTo("a@example.com");
        assertThat(mail.subject()).isEqualTo("2 checks still down");
        assertThat(mail.text()).startsWith("These checks are still down in Vigil:\n\n"
                + "  nightly (project Backups): down since 2026-12-03 23:55:00 UTC (3 h 5 min ago)\n"
                + "  https://v.example/checks/" + A + "/details/\n\n"
                + "  " + B + " (project Web): down since an unknown time\n"
                + "  https://v.example/checks/" + B + "/details/\n\n--\n"
                + "You get this reminder every hour while any of your checks is down.");
        assertThat(mail.html()).contains("<a href=\"https://v.example/checks/" + A + "/details/\">nightly</a>")
                .contains("<td>Backups</td><td>2026-12-03 23:55:00 UTC (3 h 5 min ago)</td>");
    }

    @Test
    void oneCheckIsSingularAndUserTextIsEscapedInTheHtml() {
        var mail = render(ReminderFrequency.DAILY, List.of(new Reminder.Line(A, "<b>ops</b>", "<script>x</script>",
                NOW.minusSeconds(30))));
        assertThat(mail.subject()).isEqualTo("1 check still down");
        assertThat(mail.text()).startsWith("This check is still down in Vigil:\n")
                .contains("(30 s ago)").contains("You get this reminder every day while");
        assertThat(mail.html()).contains("&lt;script&gt;x&lt;/script&gt;").contains("&lt;b&gt;ops&lt;/b&gt;")
                .doesNotContain("<script>").doesNotContain("<b>ops");
    }

    @Test
    void everyReminderOffersTheOneClickUnsubscribeOfReportsAndReminders() {
        var mail = render(ReminderFrequency.HOURLY, List.of(new Reminder.Line(A, "P", "c", NOW)));
        String url = "https://v.example/unsubscribe/" + TOKEN;
        assertThat(mail.headers()).containsEntry("List-Unsubscribe", "<" + url + ">")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(mail.text()).endsWith("Change how often, or turn it off, in your account settings: "
                + "https://v.example/accounts/settings/#email-reports\n"
                + "Unsubscribe from reports and reminders: " + url + "\n");
        assertThat(mail.html()).contains("<a href=\"" + url + "\">Unsubscribe from reports and reminders</a>");
    }

    @Test
    void theFrequenciesReadOnlyTheirOwnValues() {
        assertThat(ReminderFrequency.of("hourly")).contains(ReminderFrequency.HOURLY);
        assertThat(ReminderFrequency.of("weekly")).isEmpty();
        assertThat(ReminderFrequency.of("HOURLY")).isEmpty();
        assertThat(ReminderFrequency.of(null)).isEmpty();
        assertThat(ReportFrequency.of("weekly")).contains(ReportFrequency.WEEKLY);
        assertThat(ReportFrequency.of("hourly")).isEmpty();
        assertThat(ReportFrequency.of("")).isEmpty();
    }
}
