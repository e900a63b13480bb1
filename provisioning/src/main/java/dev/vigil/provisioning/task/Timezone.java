package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.Shell;

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
    public Plan plan(TaskContext context) {
        String zoneFile = "/usr/share/zoneinfo/" + zone;
        if (!context.host().run("test -f " + Shell.quote(zoneFile)).ok()) {
            throw new IllegalStateException("unknown time zone " + zone + " (no " + zoneFile
                    + "; is tzdata installed?)");
        }
        Symlink link = new Symlink("/etc/localtime", zoneFile);
        ManagedFile name = ManagedFile.text("/etc/timezone", zone + "\n", FileMeta.rootOwned(0644));
        return link.plan(context).prefixed(link.name() + " ").then(name.plan(context).prefixed(name.name() + " "));
    }
}
