package dev.vigil.app.web;

import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * User-written Markdown (a check's description) as HTML that is safe to put in a page as it is: raw HTML in the
 * text is escaped, not passed through, and a link or image URL keeps only http, https or mailto (a
 * {@code javascript:} or {@code data:} URL becomes empty). Links get {@code rel="nofollow noopener noreferrer"}.
 * The parser and renderer are immutable and thread-safe, so one of each serves every request.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            })
            .build();

    private Markdown() {
    }

    /** The HTML of {@code text} (empty for null or blank text). */
    public static String toHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(text));
    }
}
