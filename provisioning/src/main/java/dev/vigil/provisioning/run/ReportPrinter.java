package dev.vigil.provisioning.run;

import dev.vigil.provisioning.task.TaskResult;
import dev.vigil.provisioning.task.TaskStatus;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Human output of a provisioning run: one block per host (printed whole, as the host finishes), then a summary.
 * Unchanged tasks are listed only with {@code verbose}, so a no-change run is short.
 */
public final class ReportPrinter {

    private final PrintWriter out;
    private final boolean dryRun;
    private final boolean verbose;

    public ReportPrinter(PrintWriter out, boolean dryRun, boolean verbose) {
        this.out = out;
        this.dryRun = dryRun;
        this.verbose = verbose;
    }

    public synchronized void host(HostReport r) {
        StringBuilder b = new StringBuilder();
        b.append("== ").append(r.host()).append(dryRun ? " (dry run: nothing is changed)" : "").append('\n');
        for (TaskResult t : r.results()) {
            if (t.status() == TaskStatus.OK && !verbose && t.message().isEmpty()) {
                continue;
            }
            String label = switch (t.status()) {
                case OK -> "ok";
                case CHANGED -> dryRun ? "would change" : "changed";
                case FAILED -> "FAILED";
            };
            b.append(String.format(Locale.ROOT, "  %-12s %s", label, t.task()));
            if (!t.message().isEmpty()) {
                b.append(": ").append(t.message());
            }
            b.append('\n');
            t.diff().ifPresent(d -> d.lines().forEach(l -> b.append("      ").append(l).append('\n')));
        }
        r.error().ifPresent(e -> b.append("  FAILED       ").append(e).append('\n'));
        b.append(String.format(Locale.ROOT, "  %s: %d ok, %d %s, %d failed (%.1f s)%n", r.host(),
                r.count(TaskStatus.OK), r.count(TaskStatus.CHANGED), dryRun ? "would change" : "changed",
                r.count(TaskStatus.FAILED) + (r.error().isPresent() ? 1 : 0), r.took().toMillis() / 1000.0));
        out.print(b);
        out.flush();
    }

    public void summary(List<HostReport> reports) {
        long failed = reports.stream().filter(HostReport::failed).count();
        long changed = reports.stream().mapToLong(r -> r.count(TaskStatus.CHANGED)).sum();
        out.printf(Locale.ROOT, "%d hosts, %d tasks %s, %d hosts failed%s%n", reports.size(), changed,
                dryRun ? "would change" : "changed", failed,
                failed == 0 ? "" : ": " + String.join(", ", reports.stream().filter(HostReport::failed)
                        .map(HostReport::host).toList()));
        out.flush();
    }
}
