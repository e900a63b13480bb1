package dev.vigil.app.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    @Test
    void markdownBecomesHtml() {
        assertThat(Markdown.toHtml("Runs **nightly**, see [the runbook](https://wiki.example.com/backup).\n\n- one\n- two"))
                .isEqualTo("<p>Runs <strong>nightly</strong>, see <a rel=\"nofollow noopener noreferrer\" "
                        + "href=\"https://wiki.example.com/backup\">the runbook</a>.</p>\n<ul>\n<li>one</li>\n"
                        + "<li>two</li>\n</ul>\n");
        assertThat(Markdown.toHtml("`rm -rf <dir>`")).isEqualTo("<p><code>rm -rf &lt;dir&gt;</code></p>\n");
        assertThat(Markdown.toHtml(null)).isEmpty();
        assertThat(Markdown.toHtml("  \n")).isEmpty();
    }

    @Test
    void scriptsAndRawHtmlComeOutAsText() {
        String html = Markdown.toHtml("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(2)> "
                + "<a href=\"javascript:alert(3)\">x</a>\n\n<div onclick=\"alert(4)\">block</div>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<a ")
                .doesNotContain("<div").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void linksAndImagesToOtherSchemesLoseTheirUrl() {
        assertThat(Markdown.toHtml("[click](javascript:alert(1))")).doesNotContain("javascript")
                .contains("href=\"\"");
        assertThat(Markdown.toHtml("[click](JaVaScRiPt:alert(1))")).doesNotContainIgnoringCase("javascript:");
        assertThat(Markdown.toHtml("[x](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("data:");
        assertThat(Markdown.toHtml("![x](javascript:alert(1))")).doesNotContain("javascript").contains("src=\"\"");
        assertThat(Markdown.toHtml("<javascript:alert(1)>")).doesNotContain("href=\"javascript");
        assertThat(Markdown.toHtml("[mail](mailto:ops@example.com)")).contains("href=\"mailto:ops@example.com\"");
        // an attribute cannot be broken out of
        assertThat(Markdown.toHtml("[x](https://example.com/\"onmouseover=\"alert(1))"))
                .doesNotContain("\"onmouseover");
    }
}
