package dev.vigil.app.badges;

import dev.vigil.app.checks.Status;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeRendererTest {

    @Test
    void stateIsTheWorstOfTheChecks() {
        assertThat(BadgeState.of(List.of(Status.UP, Status.NEW, Status.PAUSED), true)).isEqualTo(BadgeState.UP);
        assertThat(BadgeState.of(List.of(Status.UP, Status.GRACE), true)).isEqualTo(BadgeState.LATE);
        assertThat(BadgeState.of(List.of(Status.UP, Status.GRACE), false)).isEqualTo(BadgeState.UP);
        assertThat(BadgeState.of(List.of(Status.GRACE, Status.DOWN), true)).isEqualTo(BadgeState.DOWN);
        assertThat(BadgeState.of(List.of(), true)).isEqualTo(BadgeState.UP);
    }

    @Test
    void svgIsWellFormedXmlWithTheEscapedLabelAndColour() throws Exception {
        String svg = BadgeRenderer.svg("db <prod> & \"more\"", BadgeState.LATE);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("db <prod> & \"more\": late");
        assertThat(svg).contains("fill=\"#fe7d37\"");
        assertThat(BadgeRenderer.svg("x", BadgeState.UP)).contains("#4c1");
        assertThat(BadgeRenderer.svg("x", BadgeState.DOWN)).contains("#e05d44");
    }

    @Test
    void jsonAndShieldsFormats() {
        assertThat(BadgeRenderer.json(BadgeState.DOWN, List.of(Status.UP, Status.GRACE, Status.DOWN, Status.DOWN)))
                .isEqualTo("{\"status\":\"down\",\"total\":4,\"grace\":1,\"down\":2}");
        assertThat(BadgeRenderer.shields("backups", BadgeState.UP))
                .isEqualTo("{\"schemaVersion\":1,\"label\":\"backups\",\"message\":\"up\",\"color\":\"success\"}");
    }

    @Test
    void urlsAreSignedPerTag() {
        String key = "k".repeat(32);
        assertThat(BadgeUrls.signature(key, "prod")).hasSize(8).isNotEqualTo(BadgeUrls.signature(key, "dev"));
        assertThat(BadgeUrls.signatureMatches(key, "prod", BadgeUrls.signature(key, "prod"))).isTrue();
        assertThat(BadgeUrls.signatureMatches(key, "dev", BadgeUrls.signature(key, "prod"))).isFalse();
        assertThat(BadgeUrls.of("http://x", key, "a b", false, "svg"))
                .isEqualTo("http://x/badge/" + key + "/" + BadgeUrls.signature(key, "a b") + "-2/a%20b.svg");
        assertThat(BadgeUrls.of("http://x", key, "*", true, "json"))
                .isEqualTo("http://x/badge/" + key + "/" + BadgeUrls.signature(key, "*") + ".json");
    }
}
