package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.Shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The system time zone, the Debian way: /etc/localtime links into tzdata, /etc/timezone names the zone. */
public record Timezone(String zone) implements Task {

    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+){0,2}");

    public Timezone {
        if (!ZONE.matcher(zone).matches()) {
            throw new IllegalArgumentException("not a time zone name: \"" + zone + "\"");
        }
    }

    @Override
    public String name() {
        return "timezone " + zone;
    }

    @Override
    public TaskResult apply(TaskContext context) {
        String zoneFile = "/usr/share/zoneinfo/" + zone;
        if (!context.host().run("test -f " + Shell.quote(zoneFile)).ok()) {
            return TaskResult.failed(this, "unknown time zone " + zone + " (no " + zoneFile + "; is tzdata installed?)");
        }
        List<String> done = new ArrayList<>();
        for (Task part : List.of(new Symlink("/etc/localtime", zoneFile),
                ManagedFile.text("/etc/timezone", zone + "\n", FileMeta.rootOwned(0644)))) {
            TaskResult r = part.apply(context);
            if (r.status() == TaskStatus.FAILED) {
                return TaskResult.failed(this, r.message());
            }
            if (r.changed()) {
                done.add(part.name() + " " + r.message());
            }
        }
        return done.isEmpty() ? TaskResult.ok(this) : TaskResult.changed(this, String.join("; ", done));
    }
}
