package dev.vigil.app.web;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final List<org.commonmark.Extension> DOC_EXTENSIONS = List.of(TablesExtension.create(),
            HeadingAnchorExtension.create());
    private static final Parser DOC_PARSER = Parser.builder().extensions(DOC_EXTENSIONS).build();
    private static final HtmlRenderer DOC_RENDERER = HtmlRenderer.builder().extensions(DOC_EXTENSIONS)
            .escapeHtml(true).build();
    private static final Pattern DOC_LINK = Pattern.compile("([a-z-]+)\\.md(#.*)?");

    private Markdown() {
    }

    /**
     * One of the repository's own docs as a page: GitHub's tables and heading anchors, links to another published
     * page ({@code schedules.md#cron}) made into its path ({@code /docs/schedules/#cron}); a link to a doc that is
     * not published (the operator's) keeps its words and loses the link, since it would lead nowhere here.
     */
    public static String documentation(String text, java.util.Set<String> published) {
        Node doc = DOC_PARSER.parse(text);
        List<Link> links = new java.util.ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
                visitChildren(link);
            }
        });
        for (Link link : links) {
            Matcher m = DOC_LINK.matcher(link.getDestination());
            if (!m.matches()) {
                continue;
            }
            if (published.contains(m.group(1))) {
                link.setDestination("/docs/" + m.group(1) + "/" + (m.group(2) == null ? "" : m.group(2)));
            } else {
                for (Node child = link.getFirstChild(); child != null; ) {
                    Node next = child.getNext();
                    link.insertBefore(child);
                    child = next;
                }
                link.unlink();
            }
        }
        return DOC_RENDERER.render(doc);
    }

    /** The HTML of {@code text} (empty for null or blank text). */
    public static String toHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(text));
    }
}
