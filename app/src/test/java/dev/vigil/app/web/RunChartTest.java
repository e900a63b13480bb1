package dev.vigil.app.web;

import dev.vigil.app.api.RecentPing;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

class RunChartTest {

    private static final Instant T = Instant.parse("2026-03-01T03:00:00Z");

    private static List<RecentPing> runs(int count) {
        List<RecentPing> pings = new ArrayList<>();
        long n = 0;
        for (int i = 0; i < count; i++) {
            Instant start = T.plusSeconds(3600L * i);
            pings.add(new RecentPing(++n, start, "start", "http", null, "GET", null, null, null));
            pings.add(new RecentPing(++n, start.plusSeconds(10 + i), i % 5 == 4 ? "fail" : "success", "http", null,
                    "GET", null, (10_000L + i * 1000L), null));
        }
        return pings;
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theLastFiftyRunsAreBarsAndTheirPingsDotsInWellFormedAccessibleSvg() throws Exception {
        String svg = RunChart.svg(runs(60));
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(doc.getDocumentElement().getAttribute("aria-labelledby")).isEqualTo("run-chart-title run-chart-desc");
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(50);
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(100); // the 50 runs' starts and ends
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Durations of the last 50 runs and ping times");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
                .startsWith("50 timed runs: the longest took 1 min 9 s, the median 45.0 s; 10 failed. 100 pings")
                .contains("50 start");
        assertThat(svg).contains("class=\"bar run-fail\"").contains("class=\"dot ping-start\"")
                .doesNotContain("style").doesNotContain("script");
    }

    @Test
    void pingsWithoutStartsAreDotsOnlyAndAnUnknownKindCannotBreakOut() throws Exception {
        List<RecentPing> pings = List.of(
                new RecentPing(1, T, "success", "http", null, "GET", null, null, null),
                new RecentPing(2, T.plusSeconds(60), "\"><script>x</script>", "http", null, "GET", null, null, null));
        String svg = RunChart.svg(pings);
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("rect").getLength()).isZero();
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(svg).contains("No timed runs").contains("class=\"dot ping-other\"");
        assertThat(RunChart.svg(List.of())).isNull();
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(RunChart.duration(850)).isEqualTo("850 ms");
        assertThat(RunChart.duration(12_345)).isEqualTo("12.3 s");
        assertThat(RunChart.duration(245_000)).isEqualTo("4 min 5 s");
        assertThat(RunChart.duration(7_800_000)).isEqualTo("2 h 10 min");
    }
}
