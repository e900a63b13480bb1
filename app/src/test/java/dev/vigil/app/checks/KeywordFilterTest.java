package dev.vigil.app.checks;

import dev.vigil.schedule.PeriodSchedule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordFilterTest {

    private static KeywordFilter http(String start, String success, String failure, boolean defaultFail) {
        return KeywordFilter.of(false, false, true, defaultFail, start, success, failure);
    }

    private static KeywordFilter mail(boolean subject, boolean body, String success, String failure) {
        return KeywordFilter.of(subject, body, false, false, "", success, failure);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withoutFilteringTheUrlDecidesAndMailIsASuccess() {
        assertThat(KeywordFilter.NONE.forHttp(PingKind.START, bytes("FAIL"))).isEqualTo(PingKind.START);
        assertThat(KeywordFilter.NONE.forMail("FAIL", "FAIL")).isEqualTo(PingKind.SUCCESS);
        assertThat(KeywordFilter.NONE.filtersMail()).isFalse();
    }

    @Test
    void nothingSetIsTheSharedNoneAndAnythingSetIsNot() {
        assertThat(KeywordFilter.of(false, false, false, false, "", "", "")).isSameAs(KeywordFilter.NONE);
        assertThat(KeywordFilter.of(false, false, false, false, "", "ok", "")).isNotSameAs(KeywordFilter.NONE);
    }

    @Test
    void failureWinsOverSuccessAndSuccessOverStart() {
        KeywordFilter f = http("begin", "done", "error", false);
        assertThat(f.forHttp(PingKind.SUCCESS, bytes("begin done error"))).isEqualTo(PingKind.FAIL);
        assertThat(f.forHttp(PingKind.SUCCESS, bytes("begin done"))).isEqualTo(PingKind.SUCCESS);
        assertThat(f.forHttp(PingKind.SUCCESS, bytes("begin"))).isEqualTo(PingKind.START);
    }

    @Test
    void theBodyOverridesTheUrlEvenAFailOrAnExitStatus() {
        KeywordFilter f = http("", "done", "", false);
        assertThat(f.forHttp(PingKind.FAIL, bytes("all done"))).isEqualTo(PingKind.SUCCESS);
        assertThat(f.forHttp(PingKind.FAIL, bytes("nothing"))).isEqualTo(PingKind.IGN);
    }

    @Test
    void noMatchIsIgnoredOrAFailureWithDefaultFail() {
        assertThat(http("", "OK", "", false).forHttp(PingKind.SUCCESS, bytes("meh"))).isEqualTo(PingKind.IGN);
        assertThat(http("", "OK", "", true).forHttp(PingKind.SUCCESS, bytes("meh"))).isEqualTo(PingKind.FAIL);
        // an empty body is searched too: it matches nothing
        assertThat(http("", "OK", "", true).forHttp(PingKind.SUCCESS, new byte[0])).isEqualTo(PingKind.FAIL);
        // filtering with no keywords at all: everything is unmatched
        assertThat(http("", "", "", false).forHttp(PingKind.SUCCESS, bytes("OK"))).isEqualTo(PingKind.IGN);
    }

    @Test
    void keywordsAreCommaSeparatedTrimmedCaseSensitiveSubstrings() {
        KeywordFilter f = http("", " ok , fine ,,", "", false);
        assertThat(f.forHttp(PingKind.SUCCESS, bytes("all is fine here"))).isEqualTo(PingKind.SUCCESS);
        assertThat(f.forHttp(PingKind.SUCCESS, bytes("broken"))).isEqualTo(PingKind.SUCCESS); // "ok" inside
        assertThat(f.forHttp(PingKind.SUCCESS, bytes("FINE"))).isEqualTo(PingKind.IGN);
        // empty keywords (",,", "  ") match nothing rather than everything
        assertThat(http("", " , ", "", false).forHttp(PingKind.SUCCESS, bytes("x"))).isEqualTo(PingKind.IGN);
        assertThat(KeywordFilter.matches("a b", "a b")).isTrue();
    }

    @Test
    void malformedUtf8IsReplacedAndTheRestStillMatches() {
        byte[] body = {(byte) 0xff, (byte) 0xfe, ' ', 'F', 'A', 'I', 'L'};
        assertThat(http("", "", "FAIL", false).forHttp(PingKind.SUCCESS, body)).isEqualTo(PingKind.FAIL);
        byte[] cut = {'O', 'K', (byte) 0xc3}; // a kept body cut inside "é"
        assertThat(http("", "OK", "", false).forHttp(PingKind.SUCCESS, cut)).isEqualTo(PingKind.SUCCESS);
    }

    @Test
    void mailLooksOnlyWhereItsFlagsSay() {
        assertThat(mail(true, false, "", "FAIL").forMail("backup FAIL", "ok")).isEqualTo(PingKind.FAIL);
        assertThat(mail(true, false, "", "FAIL").forMail("backup ok", "FAIL")).isEqualTo(PingKind.IGN);
        assertThat(mail(false, true, "", "FAIL").forMail("backup FAIL", "ok")).isEqualTo(PingKind.IGN);
        assertThat(mail(false, true, "", "FAIL").forMail("x", "it did FAIL")).isEqualTo(PingKind.FAIL);
        assertThat(mail(true, true, "SUCCESS", "FAIL").forMail("SUCCESS", "FAIL")).isEqualTo(PingKind.FAIL);
        // subject and body are separate lines: a keyword never spans the two
        assertThat(mail(true, true, "ab", "").forMail("a", "b")).isEqualTo(PingKind.IGN);
        KeywordFilter start = KeywordFilter.of(true, false, false, true, "Started", "", "");
        assertThat(start.forMail("Started job", "")).isEqualTo(PingKind.START);
        assertThat(start.forMail("something else", "")).isEqualTo(PingKind.FAIL);
    }

    @Test
    void httpFilteringIgnoresTheMailFlagsAndTheOtherWayRound() {
        KeywordFilter subjectOnly = KeywordFilter.of(true, false, false, true, "", "OK", "");
        assertThat(subjectOnly.forHttp(PingKind.SUCCESS, bytes("no keyword"))).isEqualTo(PingKind.SUCCESS);
        KeywordFilter httpOnly = http("", "OK", "", true);
        assertThat(httpOnly.forMail("no keyword", "")).isEqualTo(PingKind.SUCCESS);
    }

    @Test
    void postOnlyAndManualResumeStillWinOverAKeyword() {
        // the ping path classifies first, then PingRules applies the check's own rules to the result
        KeywordFilter f = http("", "SUCCESS", "", true);
        PingKind kind = f.forHttp(PingKind.SUCCESS, bytes("SUCCESS!"));
        PeriodSchedule hourly = new PeriodSchedule(Duration.ofHours(1), Duration.ofMinutes(10));
        CheckState postOnly = new CheckState(CheckStatus.NEW, null, null, null, null, 0, false, "POST", hourly);
        assertThat(PingRules.apply(postOnly, new PingSignal(kind, null, "GET", null), Instant.EPOCH, null).kind())
                .isEqualTo(PingKind.IGN);
        CheckState paused = new CheckState(CheckStatus.PAUSED, null, null, null, null, 0, true, "", hourly);
        assertThat(PingRules.apply(paused, new PingSignal(kind, null, "POST", null), Instant.EPOCH, null).kind())
                .isEqualTo(PingKind.IGN);
    }
}
