package dev.vigil.app.web;

import dev.vigil.app.api.RecentPing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The details page's chart, rendered on the server as SVG: the durations of the last runs (start → success or
 * failure) as bars, and below them the times of every ping in that span as dots on a time line. Each bar and dot
 * has a title (a tooltip, no script), and the chart a title and a description that say the same in words. It is
 * styled by classes from the site's stylesheet: no style attribute, no script, as the CSP asks.
 */
public final class RunChart {

    static final int RUNS = 50;
    static final int MAX_DOTS = 200;
    private static final int WIDTH = 720;
    private static final int LEFT = 70;
    private static final int RIGHT = 10;
    private static final int BARS_TOP = 30;
    private static final int BARS_BOTTOM = 160;
    private static final int LINE_Y = 205;
    private static final Set<String> KINDS = Set.of("success", "fail", "start", "log", "ign");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private RunChart() {
    }

    /** The chart of these pings (any order), or null when there is none to draw. */
    public static String svg(List<RecentPing> pings) {
        if (pings.isEmpty()) {
            return null;
        }
        List<RecentPing> byTime = pings.stream().sorted(Comparator.comparing(RecentPing::created)
                .thenComparing(RecentPing::n)).toList();
        List<RecentPing> timed = byTime.stream().filter(p -> p.durationMs() != null).toList();
        List<RecentPing> runs = timed.subList(Math.max(0, timed.size() - RUNS), timed.size());
        Instant from = runs.isEmpty() ? byTime.get(Math.max(0, byTime.size() - RUNS)).created()
                : runs.get(0).created().minusMillis(runs.get(0).durationMs());
        Instant until = byTime.get(byTime.size() - 1).created();
        if (!until.isAfter(from)) {
            from = from.minusSeconds(60);
            until = until.plusSeconds(60);
        }
        List<RecentPing> dots = new ArrayList<>();
        for (RecentPing p : byTime) {
            if (!p.created().isBefore(from)) {
                dots.add(p);
            }
        }
        dots = dots.subList(Math.max(0, dots.size() - MAX_DOTS), dots.size());

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"run-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(" 240\" role=\"img\" aria-labelledby=\"run-chart-title run-chart-desc\">\n");
        svg.append("<title id=\"run-chart-title\">").append(esc(title(runs.size()))).append("</title>\n");
        svg.append("<desc id=\"run-chart-desc\">").append(esc(description(runs, dots, from, until)))
                .append("</desc>\n");
        bars(svg, runs);
        timeLine(svg, dots, from, until);
        return svg.append("</svg>").toString();
    }

    static String title(int runs) {
        return runs == 0 ? "Ping times" : "Durations of the last " + (runs == 1 ? "run" : runs + " runs")
                + " and ping times";
    }

    static String description(List<RecentPing> runs, List<RecentPing> dots, Instant from, Instant until) {
        StringBuilder d = new StringBuilder();
        if (runs.isEmpty()) {
            d.append("No timed runs: a run is timed when it pings /start first. ");
        } else {
            List<Long> durations = runs.stream().map(RecentPing::durationMs).sorted().toList();
            long failed = runs.stream().filter(r -> "fail".equals(r.kind())).count();
            d.append(runs.size()).append(runs.size() == 1 ? " timed run" : " timed runs").append(": the longest took ")
                    .append(duration(durations.get(durations.size() - 1))).append(", the median ")
                    .append(duration(durations.get(durations.size() / 2))).append("; ").append(failed)
                    .append(" failed. ");
        }
        d.append(dots.size()).append(dots.size() == 1 ? " ping" : " pings").append(" from ")
                .append(TIME.format(from)).append(" to ").append(TIME.format(until)).append(" UTC");
        for (String kind : List.of("success", "fail", "start", "log", "ign")) {
            long n = dots.stream().filter(p -> kind.equals(p.kind())).count();
            if (n > 0) {
                d.append(", ").append(n).append(' ').append(kind);
            }
        }
        return d.append('.').toString();
    }

    private static void bars(StringBuilder svg, List<RecentPing> runs) {
        svg.append("<g class=\"runs\">\n");
        svg.append(line(LEFT, BARS_BOTTOM, WIDTH - RIGHT, BARS_BOTTOM, "axis"));
        if (runs.isEmpty()) {
            svg.append(text(LEFT + 10, (BARS_TOP + BARS_BOTTOM) / 2, "No timed runs yet: ping /start when a run begins.",
                    "label"));
        } else {
            long max = Math.max(1, runs.stream().mapToLong(RecentPing::durationMs).max().orElse(1));
            svg.append(text(4, BARS_TOP + 4, duration(max), "label")).append(text(4, BARS_BOTTOM, "0", "label"));
            svg.append(line(LEFT, BARS_TOP, WIDTH - RIGHT, BARS_TOP, "grid"));
            double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(runs.size(), 10);
            double width = Math.max(2, slot * 0.7);
            for (int i = 0; i < runs.size(); i++) {
                RecentPing r = runs.get(i);
                double h = Math.max(1, (double) r.durationMs() * (BARS_BOTTOM - BARS_TOP) / max);
                svg.append("<rect class=\"bar run-").append("fail".equals(r.kind()) ? "fail" : "success")
                        .append("\" x=\"").append(num(LEFT + i * slot + (slot - width) / 2)).append("\" y=\"")
                        .append(num(BARS_BOTTOM - h)).append("\" width=\"").append(num(width)).append("\" height=\"")
                        .append(num(h)).append("\"><title>").append(esc(TIME.format(r.created()) + " UTC, "
                                + r.kind() + ", " + duration(r.durationMs()))).append("</title></rect>\n");
            }
        }
        svg.append("</g>\n");
    }

    private static void timeLine(StringBuilder svg, List<RecentPing> dots, Instant from, Instant until) {
        svg.append("<g class=\"pings\">\n");
        svg.append(text(4, LINE_Y + 4, "pings", "label"));
        svg.append(line(LEFT, LINE_Y, WIDTH - RIGHT, LINE_Y, "axis"));
        double span = Duration.between(from, until).toMillis();
        for (RecentPing p : dots) {
            double x = LEFT + (WIDTH - LEFT - RIGHT) * Duration.between(from, p.created()).toMillis() / span;
            String kind = KINDS.contains(p.kind()) ? p.kind() : "other";
            svg.append("<circle class=\"dot ping-").append(kind).append("\" cx=\"").append(num(x))
                    .append("\" cy=\"").append(LINE_Y).append("\" r=\"4\"><title>")
                    .append(esc("#" + p.n() + " " + p.kind() + " at " + TIME.format(p.created()) + " UTC"))
                    .append("</title></circle>\n");
        }
        svg.append(text(LEFT, LINE_Y + 28, TIME.format(from), "label"));
        svg.append("<text class=\"label\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(LINE_Y + 28)
                .append("\" text-anchor=\"end\">").append(esc(TIME.format(until) + " UTC")).append("</text>\n");
        svg.append("</g>\n");
    }

    /** "850 ms", "12.3 s", "4 min 5 s", "2 h 10 min". */
    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }

    private static String line(int x1, int y1, int x2, int y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2
                + "\"/>\n";
    }

    private static String text(int x, int y, String s, String cls) {
        return "<text class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\">" + esc(s) + "</text>\n";
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** Text escaped for SVG (XML) character data and attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
