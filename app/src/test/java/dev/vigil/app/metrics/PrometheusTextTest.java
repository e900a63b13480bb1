package dev.vigil.app.metrics;

import dev.vigil.app.checks.KeywordFilter;

import dev.vigil.app.api.CheckRow;
import dev.vigil.app.api.CheckView;
import dev.vigil.app.checks.Status;
import dev.vigil.app.checks.StatusNow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static CheckView check(String name, String tags, String status, boolean started) {
        CheckRow row = new CheckRow(UUID.randomUUID(),
                UUID.randomUUID(), name, "", tags, "", "simple", 3600, 600, "", "UTC", false, "", status, null, null,
                null, null, 0, UUID.randomUUID(), List.of(), 1, null, KeywordFilter.NONE);
        return new CheckView(row, new StatusNow(Status.valueOf(status.toUpperCase()), started, null, null));
    }

    @Test
    void rendersHealthchecksMetricNamesAndEscapesLabels() {
        String text = PrometheusText.render(List.of(check("db \"main\"\\", "prod db", "down", false),
                check("web", "prod", "grace", true)));
        assertThat(text).contains("# TYPE hc_check_up gauge\n")
                .contains("hc_check_up{name=\"db \\\"main\\\"\\\\\",tags=\"prod db\",unique_key=\"")
                .contains("hc_check_started{name=\"web\",tags=\"prod\",unique_key=\"")
                .contains("hc_tag_up{tag=\"db\"} 0\n")
                .contains("hc_tag_up{tag=\"prod\"} 0\n")
                .contains("hc_checks_total 2\n")
                .contains("hc_checks_down_total 1\n");
        assertThat(text.lines().filter(l -> l.startsWith("hc_check_grace{name=\"web\"")).findFirst())
                .hasValueSatisfying(l -> assertThat(l).endsWith(" 1"));
        assertThat(PrometheusText.escape("a\nb")).isEqualTo("a\\nb");
    }
}
