package dev.vigil.app.api;

import dev.vigil.app.checks.KeywordFilter;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordFieldsTest {

    private static KeywordFilter apply(KeywordFilter before, String body) {
        return KeywordFields.parse(Json.createReader(new StringReader(body)).readObject()).applyTo(before);
    }

    @Test
    void absentFieldsKeepTheCurrentFilter() {
        KeywordFilter f = KeywordFilter.of(false, true, true, true, "s", "ok", "bad");
        assertThat(apply(f, "{}")).isEqualTo(f);
        assertThat(KeywordFields.ABSENT.applyTo(KeywordFilter.NONE)).isSameAs(KeywordFilter.NONE);
    }

    @Test
    void everyFieldIsSetByItsName() {
        assertThat(apply(KeywordFilter.NONE, "{\"filter_subject\": true, \"filter_body\": true, "
                + "\"filter_http_body\": true, \"filter_default_fail\": true, \"start_kw\": \"go\", "
                + "\"success_kw\": \"ok\", \"failure_kw\": \"bad\"}"))
                .isEqualTo(new KeywordFilter(true, true, true, true, "go", "ok", "bad"));
    }

    @Test
    void theDeprecatedSubjectFieldsSetTheKeywordsAndTheSubjectFlag() {
        assertThat(apply(KeywordFilter.NONE, "{\"subject\": \"ok\"}"))
                .isEqualTo(new KeywordFilter(true, false, false, false, "", "ok", ""));
        assertThat(apply(KeywordFilter.NONE, "{\"subject_fail\": \"bad\"}"))
                .isEqualTo(new KeywordFilter(true, false, false, false, "", "", "bad"));
        KeywordFilter bySubject = new KeywordFilter(true, false, false, false, "", "ok", "");
        // both lists empty again: subjects are no longer filtered
        assertThat(apply(bySubject, "{\"subject\": \"\"}")).isSameAs(KeywordFilter.NONE);
        // the new names win over the deprecated ones
        assertThat(apply(KeywordFilter.NONE, "{\"subject\": \"ok\", \"success_kw\": \"fine\", "
                + "\"filter_subject\": false}")).isEqualTo(new KeywordFilter(false, false, false, false, "", "fine", ""));
    }
}
