package dev.vigil.app.metrics;

import dev.vigil.app.api.CheckView;
import dev.vigil.app.checks.Status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project's checks in the Prometheus text exposition format, with Healthchecks' metric names so that existing
 * dashboards and alert rules keep working: per check {@code hc_check_up}, {@code hc_check_started},
 * {@code hc_check_grace} and {@code hc_check_paused} (labelled name, tags, unique_key), per tag {@code hc_tag_up},
 * and the totals {@code hc_checks_total} and {@code hc_checks_down_total}.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static String render(List<CheckView> checks) {
        StringBuilder out = new StringBuilder();
        gauge(out, "hc_check_up", "Whether the check is currently up (1 for yes, 0 for no).", checks,
                v -> v.status().status() != Status.DOWN);
        gauge(out, "hc_check_started", "Whether the check is currently started (1 for yes, 0 for no).", checks,
                v -> v.status().started());
        gauge(out, "hc_check_grace", "Whether the check is currently in the grace period (1 for yes, 0 for no).",
                checks, v -> v.status().status() == Status.GRACE);
        gauge(out, "hc_check_paused", "Whether the check is currently paused (1 for yes, 0 for no).", checks,
                v -> v.status().status() == Status.PAUSED);

        Map<String, Boolean> tagsUp = new TreeMap<>();
        for (CheckView v : checks) {
            for (String tag : v.row().tagList()) {
                tagsUp.merge(tag, v.status().status() != Status.DOWN, Boolean::logicalAnd);
            }
        }
        out.append("# HELP hc_tag_up Whether all checks with this tag are up (1 for yes, 0 for no).\n")
                .append("# TYPE hc_tag_up gauge\n");
        tagsUp.forEach((tag, up) -> out.append("hc_tag_up{tag=\"").append(escape(tag)).append("\"} ")
                .append(up ? 1 : 0).append('\n'));

        long down = checks.stream().filter(v -> v.status().status() == Status.DOWN).count();
        out.append("# HELP hc_checks_total Number of checks.\n# TYPE hc_checks_total gauge\n")
                .append("hc_checks_total ").append(checks.size()).append('\n')
                .append("# HELP hc_checks_down_total Number of checks currently down.\n")
                .append("# TYPE hc_checks_down_total gauge\n")
                .append("hc_checks_down_total ").append(down).append('\n');
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, List<CheckView> checks,
            java.util.function.Predicate<CheckView> value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n");
        for (CheckView v : checks) {
            out.append(name).append("{name=\"").append(escape(v.row().name()))
                    .append("\",tags=\"").append(escape(v.row().tags()))
                    .append("\",unique_key=\"").append(v.row().uniqueKey())
                    .append("\"} ").append(value.test(v) ? 1 : 0).append('\n');
        }
    }

    /** Label values escape backslash, double quote and line feed, per the exposition format. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
