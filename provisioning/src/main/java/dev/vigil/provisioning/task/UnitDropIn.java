package dev.vigil.provisioning.task;

import dev.vigil.provisioning.config.SystemdUnit;
import dev.vigil.provisioning.remote.FileMeta;

import java.util.regex.Pattern;

/**
 * A drop-in for a unit someone else installs (a package's, or another task's):
 * {@code /etc/systemd/system/<unit>.d/<name>.conf}, then {@code systemctl daemon-reload} when it changed. It changes
 * how the unit starts next time and restarts nothing.
 */
public record UnitDropIn(String unit, String name, SystemdUnit content) implements Task {

    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9@._:-]+\\.(service|timer|socket|path)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public UnitDropIn {
        if (!UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("not a systemd unit name: \"" + unit + "\"");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a drop-in file name: \"" + name + "\"");
        }
    }

    public String path() {
        return "/etc/systemd/system/" + unit + ".d/" + name + ".conf";
    }

    @Override
    public String name() {
        return "drop-in " + unit + ".d/" + name + ".conf";
    }

    @Override
    public Plan plan(TaskContext context) {
        Plan folder = new ManagedDirectory("/etc/systemd/system/" + unit + ".d", FileMeta.rootOwned(0755))
                .plan(context);
        Plan file = ManagedFile.text(path(), content.render(), FileMeta.rootOwned(0644)).plan(context);
        return file.isEmpty() ? folder
                : folder.then(file.followedBy(() -> context.host().check("systemctl daemon-reload")));
    }
}
