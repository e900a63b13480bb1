package dev.vigil.app.ping;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MailTextTest {

    private static MailContent of(String message) {
        return MailText.of(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlainMessageGivesItsSubjectAndBody() {
        MailContent c = of("From: cron@example.com\nSubject: Backup finished\n\nAll 12 files copied\n");
        assertThat(c.subject()).isEqualTo("Backup finished");
        assertThat(c.text()).contains("All 12 files copied");
    }

    @Test
    void anEncodedSubjectIsDecoded() {
        assertThat(of("Subject: =?UTF-8?B?U2F1dmVnYXJkZSDDqWNob3XDqWU=?=\n\nx\n").subject())
                .isEqualTo("Sauvegarde échouée");
    }

    @Test
    void plainAndHtmlPartsAreBothText() {
        MailContent c = of("Subject: report\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n"
                + "--b\nContent-Type: text/plain; charset=utf-8\n\nplain SUCCESS\n"
                + "--b\nContent-Type: text/html; charset=utf-8\n\n<p>html <b>FAIL</b>ED</p>\n--b--\n");
        assertThat(c.text()).contains("plain SUCCESS").contains("html FAILED").doesNotContain("<b>");
    }

    @Test
    void attachmentsAreNotSearched() {
        MailContent c = of("Subject: s\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/plain\n\nbody\n"
                + "--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=log.txt\n\nERROR\n--b--\n");
        assertThat(c.text()).contains("body").doesNotContain("ERROR");
    }

    @Test
    void garbageGivesEmptyTextRatherThanAnError() {
        MailContent c = MailText.of(new byte[] {(byte) 0xff, 0, 1, 2});
        assertThat(c.subject()).isEmpty();
    }
}
