package dev.vigil.app.ping;

import dev.vigil.app.checks.PingKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PingTargetTest {

    private static final String ID = "5f3c0d2e-1b2a-4c3d-8e4f-0123456789ab";

    @Test
    void readsCheckSignalRunIdAndCreate() throws Exception {
        UUID rid = UUID.randomUUID();
        PingTarget t = PingTarget.parse("POST", ID + "/fail", "rid=" + rid.toString().toUpperCase() + "&x=1");
        assertThat(t.url().checkId()).isEqualTo(UUID.fromString(ID));
        assertThat(t.signal().kind()).isEqualTo(PingKind.FAIL);
        assertThat(t.signal().method()).isEqualTo("POST");
        assertThat(t.signal().rid()).isEqualTo(rid);
        assertThat(t.create()).isFalse();

        assertThat(PingTarget.parse("GET", "key_1/backup", "create=1").create()).isTrue();
        assertThat(PingTarget.parse("GET", "key_1/backup", "create=0").create()).isFalse();
        assertThat(PingTarget.parse("GET", ID, "create=1").create()).isFalse(); // only slug URLs create
    }

    @Test
    void rejectsWithTheStatusAndTextToAnswer() {
        assertThatThrownBy(() -> PingTarget.parse("GET", ID, "rid=nope"))
                .isInstanceOfSatisfying(PingUrl.Rejected.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("invalid uuid format");
                });
        assertThatThrownBy(() -> PingTarget.parse("GET", "", null))
                .isInstanceOfSatisfying(PingUrl.Rejected.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void urlCornersAsHealthchecksAnswersThem() throws Exception {
        for (String query : new String[] {"rid=", "rid", "x=1&rid="}) {
            assertThatThrownBy(() -> PingTarget.parse("GET", ID, query))
                    .isInstanceOfSatisfying(PingUrl.Rejected.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).isEqualTo("invalid uuid format");
                    });
        }
        assertThat(PingTarget.parse("GET", ID + "/0255", null).signal().exitStatus()).isEqualTo(255);
        assertThat(PingTarget.parse("GET", ID + "/000", null).signal().exitStatus()).isZero();
        assertThatThrownBy(() -> PingTarget.parse("GET", ID + "/000256", null))
                .isInstanceOfSatisfying(PingUrl.Rejected.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(PingTarget.parse("GET", "key/" + "a".repeat(100), "create=1").create()).isTrue();
        assertThat(PingTarget.parse("GET", "key/a", "create=true").create()).isFalse();
        assertThatThrownBy(() -> PingTarget.parse("GET", "key/" + "a".repeat(101), "create=1"))
                .isInstanceOfSatisfying(PingUrl.Rejected.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("not found");
                });
        assertThatThrownBy(() -> PingTarget.parse("GET", "key/" + "A".repeat(101), "create=1"))
                .isInstanceOfSatisfying(PingUrl.Rejected.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "/ping/" + ID + "|" + ID,
            "/ping/" + ID + "/start?rid=x|" + ID + "/start",
            "/ping/key/slug/|key/slug/",
            "/ping|''",
            "/ping/|''",
            "/ping?create=1|''",
            "/pingx|NULL",
            "/api/v3/checks/|NULL",
            "/|NULL",
            "*|NULL",
            "http://vigil.example.com/ping/" + ID + "?a=b|" + ID,
            "http://vigil.example.com|NULL",
            "/ping/%35f3c0d2e-1b2a-4c3d-8e4f-0123456789ab|" + ID,
            "/ping/key/a+b|key/a+b",
            "/ping/key/bad%zz|key/bad%zz",
            "/ping/" + ID + ";jsessionid=1/log;x|" + ID + "/log",
            "/other?next=http://x/ping/a|NULL"})
    void pathAfterThePingPrefixAsTheServletSeesIt(String requestTarget, String path) {
        assertThat(PingTarget.pingPath(requestTarget)).isEqualTo(path);
    }

    @Test
    void queryIsTakenRaw() {
        assertThat(PingTarget.query("/ping/x?rid=a%20b&create=1")).isEqualTo("rid=a%20b&create=1");
        assertThat(PingTarget.query("/ping/x")).isNull();
        assertThat(PingTarget.query("/ping/x?")).isEmpty();
    }

    @Test
    void queryParametersAreDecodedAndMatchedByExactName() {
        assertThat(PingTarget.param("rid=a%2Db&create=1", "rid")).isEqualTo("a-b");
        assertThat(PingTarget.param("xrid=1&rid", "rid")).isEmpty();
        assertThat(PingTarget.param("create=1", "rid")).isNull();
        assertThat(PingTarget.param(null, "rid")).isNull();
    }
}
