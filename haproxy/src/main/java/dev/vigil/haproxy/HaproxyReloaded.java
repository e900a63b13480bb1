package dev.vigil.haproxy;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.RemoteHost;
import dev.vigil.provisioning.remote.Shell;
import dev.vigil.provisioning.task.Plan;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.TaskContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * HAProxy enabled and running, and reloaded when its configuration or a certificate changed in this run (never
 * otherwise, so a second run touches nothing). A reload first dumps {@code show servers state} into the
 * {@code server-state-file}, which the new worker loads, so a server drained through the runtime API stays
 * drained; then {@code systemctl reload haproxy} (Debian's unit checks the file and signals the master, which
 * starts a new worker on the same listening sockets and lets the old one finish). The reload counts as done once
 * a new worker answers on the admin socket.
 */
public record HaproxyReloaded(HaproxyConfig.Placement placement, List<Task> reloadWhenChanged) implements Task {

    private static final String UNIT = "haproxy.service";
    private static final Duration NEW_WORKER = Duration.ofSeconds(30);

    public HaproxyReloaded {
        reloadWhenChanged = List.copyOf(reloadWhenChanged);
    }

    @Override
    public String name() {
        return "service " + UNIT + " (reloaded with its server states)";
    }

    @Override
    public Plan plan(TaskContext context) {
        RemoteHost host = context.host();
        Plan plan = Plan.none();
        String enabled = host.run("systemctl is-enabled " + UNIT).out().strip();
        if (!enabled.equals("enabled")) {
            plan = plan.then(Plan.of("enabled", () -> host.check("systemctl enable " + UNIT + " 2>&1")));
        }
        boolean active = host.run("systemctl is-active " + UNIT).out().strip().equals("active");
        if (!active) {
            return plan.then(Plan.of("started", () -> {
                CommandResult r = host.run("systemctl start " + UNIT);
                if (!r.ok() || !host.run("systemctl is-active " + UNIT).out().strip().equals("active")) {
                    throw new IllegalStateException("start failed (" + r.summary() + "); " + journal(host));
                }
            }));
        }
        List<String> changed = new ArrayList<>();
        for (Task t : reloadWhenChanged) {
            if (context.changedInThisRun(t)) {
                changed.add(t.name().replaceFirst("^file ", ""));
            }
        }
        if (changed.isEmpty()) {
            return plan;
        }
        return plan.then(Plan.of("server states dumped to " + placement.stateFile() + ", reloaded (changed: "
                + String.join(", ", changed) + ")", () -> reload(host)));
    }

    /** Dumps the server states and reloads now; {@code ops lb renew --local} calls it on the balancer itself. */
    void reload(RemoteHost host) {
        RuntimeApi api = RuntimeApi.overSsh(host, placement.adminSocket());
        long before = api.workerPid();
        String state = placement.stateFile();
        // the dump goes through a scratch file, so a failed one never replaces the last good state
        host.check("set -e; t=$(mktemp " + Shell.quote(state + ".XXXXXX") + "); trap 'rm -f \"$t\"' EXIT"
                + "; echo 'show servers state' | socat -t 10 stdio " + Shell.quote("UNIX-CONNECT:"
                + placement.adminSocket()) + " > \"$t\""
                + "; [ \"$(head -n 1 \"$t\")\" = 1 ] || { echo 'the dump is not a server-state file' >&2; exit 1; }"
                + "; mv -f \"$t\" " + Shell.quote(state) + "; trap - EXIT");
        CommandResult r = host.run("systemctl reload " + UNIT);
        if (!r.ok()) {
            throw new IllegalStateException("reload failed (" + r.summary() + "); " + journal(host));
        }
        long deadline = System.nanoTime() + NEW_WORKER.toNanos();
        while (true) {
            try {
                if (api.workerPid() != before) {
                    return;
                }
            } catch (IllegalStateException e) {
                // the socket moves to the new worker: a moment without an answer is part of a reload
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no new HAProxy worker " + NEW_WORKER.toSeconds()
                        + " s after the reload; " + journal(host));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the reload", e);
            }
        }
    }

    private static String journal(RemoteHost host) {
        return "last log lines: " + host.run("journalctl -u " + UNIT + " -n 5 --no-pager -o cat").out().strip()
                .replace("\n", " | ");
    }
}
