package dev.vigil.app.badges;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.checks.Status;

import java.util.List;

/** A badge in its three formats: a shields-style SVG, a JSON summary, and the shields.io endpoint schema. */
public final class BadgeRenderer {

    // Verdana 11px averages about 7 pixels a character; exact widths do not matter for a status badge.
    private static final int CHAR_WIDTH = 7;
    private static final int PADDING = 10;
    private static final int MAX_LABEL = 100;

    private BadgeRenderer() {
    }

    public static String svg(String label, BadgeState state) {
        String text = escape(shorten(label));
        int left = text.codePointCount(0, text.length()) * CHAR_WIDTH + PADDING;
        if (left > 800) {
            left = 800;
        }
        int right = state.word().length() * CHAR_WIDTH + PADDING;
        int width = left + right;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"20\" role=\"img\" "
                + "aria-label=\"" + text + ": " + state.word() + "\">"
                + "<title>" + text + ": " + state.word() + "</title>"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" "
                + "stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                + "<clipPath id=\"r\"><rect width=\"" + width + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                + "<g clip-path=\"url(#r)\"><rect width=\"" + left + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + state.svgColour() + "\"/>"
                + "<rect width=\"" + width + "\" height=\"20\" fill=\"url(#s)\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" "
                + "font-size=\"11\"><text x=\"" + left / 2 + "\" y=\"14\">" + text + "</text>"
                + "<text x=\"" + (left + right / 2) + "\" y=\"14\">" + state.word() + "</text></g></svg>";
    }

    /** {@code {"status": ..., "total": ..., "grace": ..., "down": ...}} over the checks' API statuses. */
    public static String json(BadgeState state, List<Status> statuses) {
        return JsonBuilders.object()
                .add("status", state.word())
                .add("total", statuses.size())
                .add("grace", statuses.stream().filter(s -> s == Status.GRACE).count())
                .add("down", statuses.stream().filter(s -> s == Status.DOWN).count())
                .build().toString();
    }

    /** The shields.io endpoint schema, so shields.io can restyle the badge. */
    public static String shields(String label, BadgeState state) {
        return JsonBuilders.object()
                .add("schemaVersion", 1)
                .add("label", shorten(label))
                .add("message", state.word())
                .add("color", state.shieldsColour())
                .build().toString();
    }

    private static String shorten(String label) {
        return label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL) : label;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
