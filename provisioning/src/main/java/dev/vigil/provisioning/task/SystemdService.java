package dev.vigil.provisioning.task;

import dev.vigil.provisioning.config.SystemdUnit;
import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.Shell;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A systemd unit that is installed (when {@code unitFile} is given, at /etc/systemd/system, after
 * {@code systemd-analyze verify} accepted it), enabled and running. It is restarted when its unit file changed in
 * this run, or when one of {@code restartWhenChanged} did (its configuration files, typically), so a second run
 * on an unchanged host restarts nothing. With {@code running} false it is only installed and enabled: for
 * services that a deploy starts once there is something to run.
 */
public record SystemdService(String unit, Optional<String> unitFile, List<Task> restartWhenChanged, boolean running)
        implements Task {

    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9@._:-]+\\.(service|timer|socket|path)");

    public SystemdService {
        if (!UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("not a systemd unit name: \"" + unit + "\"");
        }
        restartWhenChanged = List.copyOf(restartWhenChanged);
    }

    /** A unit shipped by a package: only enabled, started and restarted after config changes. */
    public static SystemdService existing(String unit, Task... restartWhenChanged) {
        return new SystemdService(unit, Optional.empty(), List.of(restartWhenChanged), true);
    }

    public static SystemdService withUnitFile(String unit, String unitFile, Task... restartWhenChanged) {
        return new SystemdService(unit, Optional.of(unitFile), List.of(restartWhenChanged), true);
    }

    /** Installed and enabled only; whoever deploys the service starts it. */
    public static SystemdService enabledOnly(String unit, String unitFile) {
        return new SystemdService(unit, Optional.of(unitFile), List.of(), false);
    }

    private static final java.util.Set<String> ENABLED = java.util.Set.of("enabled", "static", "indirect",
            "generated", "alias");
    private static final String UNMET = "not started: its unit conditions do not hold on this host";

    @Override
    public String name() {
        return "service " + unit;
    }

    /** Whether systemd's last start attempt found the unit's Condition...= settings false. */
    private static boolean conditionsUnmet(TaskContext context, String quotedUnit) {
        String out = context.host().run("systemctl show -p ConditionResult -p ConditionTimestamp " + quotedUnit).out();
        return out.contains("ConditionResult=no") && !out.contains("ConditionTimestamp=\n")
                && !out.strip().endsWith("ConditionTimestamp=");
    }

    @Override
    public Plan plan(TaskContext context) {
        return plan(context, false);
    }

    /**
     * The plan, knowing whether a configuration file of this service changes as part of the same task (the
     * ruleset of {@link Nftables}): then it is restarted too.
     */
    Plan plan(TaskContext context, boolean configChanges) {
        Plan plan = Plan.none();
        boolean fileChanges = false;
        if (unitFile.isPresent()) {
            ManagedFile file = ManagedFile.text("/etc/systemd/system/" + unit, unitFile.get(),
                    FileMeta.rootOwned(0644)).validatedBy(SystemdUnit.check(unit));
            Plan f = file.plan(context);
            fileChanges = !f.isEmpty();
            plan = f.prefixed("unit file ").followedBy(() -> context.host().check("systemctl daemon-reload"));
        }
        String q = Shell.quote(unit);
        // static, indirect and generated units cannot be enabled: they start through others (journald, say)
        if (!ENABLED.contains(context.host().run("systemctl is-enabled " + q).out().strip())) {
            plan = plan.then(Plan.of("enabled", () -> context.host().check("systemctl enable " + q + " 2>&1")));
        }
        if (!running) {
            return plan;
        }
        boolean active = context.host().run("systemctl is-active " + q).out().strip().equals("active");
        boolean restart = fileChanges || configChanges || restartWhenChanged.stream()
                .anyMatch(context::changedInThisRun);
        if (!active && !restart && conditionsUnmet(context, q)) {
            // systemd skipped it on purpose (timesyncd in a container, say): not a failure, and not a change
            return plan.withNote(UNMET);
        }
        if (active && !restart) {
            return plan;
        }
        String action = active ? "restart" : "start";
        return plan.then(Plan.of(active ? "restarted" : "started", () -> {
            CommandResult r = context.host().run("systemctl " + action + " " + q);
            if (r.ok() && !active && conditionsUnmet(context, q)) {
                return; // started as far as systemd goes: its conditions keep it stopped here
            }
            if (!r.ok() || !context.host().run("systemctl is-active " + q).out().strip().equals("active")) {
                String journal = context.host().run("journalctl -u " + q + " -n 5 --no-pager -o cat").out();
                throw new IllegalStateException(action + " failed (" + r.summary() + "); last log lines: "
                        + journal.strip().replace("\n", " | "));
            }
        }));
    }
}
