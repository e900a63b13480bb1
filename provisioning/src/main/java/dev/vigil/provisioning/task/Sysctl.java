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
    public Plan plan(TaskContext context) {
        Plan file = ManagedFile.text("/etc/sysctl.d/90-vigil-" + key + ".conf", key + " = " + value + "\n",
                FileMeta.rootOwned(0644)).plan(context).prefixed("file ");
        CommandResult now = context.host().run("sysctl -n " + Shell.quote(key));
        if (!now.ok()) {
            throw new IllegalStateException("unknown sysctl " + key + " (" + now.summary() + ")");
        }
        if (normalize(now.out()).equals(normalize(value))) {
            return file;
        }
        // containers mount most of /proc/sys read-only; test -w sees that (EROFS) even for root
        if (!context.host().run("test -w " + Shell.quote("/proc/sys/" + key.replace('.', '/'))).ok()) {
            return file.withNote("running value not set: read-only here (a container?), stays " + now.out().strip());
        }
        return file.then(Plan.of("set running value (was " + now.out().strip() + ")", () -> {
            CommandResult set = context.host().run("sysctl -w " + Shell.quote(key + "=" + value));
            if (!set.ok()) {
                throw new IllegalStateException("sysctl -w failed (" + set.summary() + ")");
            }
        }));
    }

    private static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
