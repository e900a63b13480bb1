package dev.vigil.app.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckFormTest {

    @Test
    void aCronExpressionWinsOverThePeriodAndDefaultsToUtc() {
        assertThat(CheckForm.toJson("n", " nightly ", "a b", " 0 3 * * * ", "", "86400", "60").toString())
                .isEqualTo("{\"name\":\"n\",\"tags\":\"a b\",\"slug\":\"nightly\",\"schedule\":\"0 3 * * *\",\"tz\":\"UTC\",\"grace\":60}");
        assertThat(CheckForm.toJson(null, null, null, "", null, "3600", "").toString())
                .isEqualTo("{\"name\":\"\",\"tags\":\"\",\"timeout\":3600}");
    }

    @Test
    void aPeriodThatIsNoNumberIsRefusedByName() {
        assertThatThrownBy(() -> CheckForm.toJson("n", "", "", "", "", "one day", ""))
                .hasMessage("The period must be a whole number of seconds.");
    }
}
