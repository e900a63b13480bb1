package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.Shell;

import java.util.regex.Pattern;

/**
 * A kernel setting, persisted in /etc/sysctl.d and applied now. In a container many settings (vm.*, kernel.*)
 * are read-only: then the file is still written and the result says the running value could not be set,
 * instead of failing the host.
 */
public record Sysctl(String key, String value) implements Task {

    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[a-zA-Z0-9_-]+)+");

    public Sysctl {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a sysctl key: \"" + key + "\"");
        }
        if (value.isBlank() || value.contains("\n")) {
            throw new IllegalArgumentException("bad value for " + key + ": \"" + value + "\"");
        }
    }

    @Override
    public String name() {
        return "sysctl " + key + " = " + value;
    }

    @Override
    public TaskResult apply(TaskContext context) {
        ManagedFile file = ManagedFile.text("/etc/sysctl.d/90-vigil-" + key + ".conf", key + " = " + value + "\n",
                FileMeta.rootOwned(0644));
        TaskResult f = file.apply(context);
        if (f.status() == TaskStatus.FAILED) {
            return TaskResult.failed(this, f.message());
        }
        CommandResult now = context.host().run("sysctl -n " + Shell.quote(key));
        if (!now.ok()) {
            return TaskResult.failed(this, "unknown sysctl " + key + " (" + now.summary() + ")");
        }
        boolean runtimeDiffers = !normalize(now.out()).equals(normalize(value));
        // containers mount most of /proc/sys read-only; test -w sees that (EROFS) even for root
        boolean writable = context.host().run("test -w " + Shell.quote("/proc/sys/" + key.replace('.', '/'))).ok();
        String note = "";
        if (runtimeDiffers && !writable) {
            note = "running value not set: read-only here (a container?), stays " + now.out().strip();
            if (!f.changed()) {
                return TaskResult.ok(this, note);
            }
        } else if (runtimeDiffers && context.check()) {
            note = "would set running value (now " + now.out().strip() + ")";
        } else if (runtimeDiffers) {
            CommandResult set = context.host().run("sysctl -w " + Shell.quote(key + "=" + value));
            if (set.ok()) {
                note = "set running value (was " + now.out().strip() + ")";
            } else if (set.err().contains("read-only") || set.err().contains("ermission denied")) {
                // typical inside containers: the setting applies when the file is read on a real boot
                note = "running value not set: read-only here (a container?), stays " + now.out().strip();
                if (!f.changed()) {
                    return TaskResult.ok(this, note);
                }
            } else {
                return TaskResult.failed(this, "sysctl -w failed (" + set.summary() + ")");
            }
        }
        if (!f.changed() && note.isEmpty()) {
            return TaskResult.ok(this);
        }
        String msg = (f.changed() ? f.message().replace("would change: ", "file ") : "")
                + (f.changed() && !note.isEmpty() ? "; " : "") + note;
        return TaskResult.changed(this, msg, f.diff().orElse(null));
    }

    private static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
