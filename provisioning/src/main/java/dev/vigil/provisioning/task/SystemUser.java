package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.Shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A system account for a service (no password, no login shell), with its own group and a home folder. An
 * existing account with another home or shell is corrected.
 */
public record SystemUser(String name, String home) implements Task {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final String SHELL = "/usr/sbin/nologin";

    public SystemUser {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a user name: \"" + name + "\"");
        }
        if (!home.startsWith("/")) {
            throw new IllegalArgumentException("home must be absolute: " + home);
        }
    }

    @Override
    public String name() {
        return "system user " + name;
    }

    @Override
    public Plan plan(TaskContext context) {
        String q = Shell.quote(name);
        var entry = context.host().run("getent passwd " + q);
        if (entry.exitStatus() == 2) {
            return Plan.of("created (group " + name + ", home " + home + ")", () -> context.host().check(
                    "getent group " + q + " >/dev/null || groupadd --system " + q + "; useradd --system --gid " + q
                            + " --home-dir " + Shell.quote(home) + " --create-home --shell " + SHELL + " " + q));
        }
        String[] f = entry.out().strip().split(":");
        List<String> fixes = new ArrayList<>();
        List<String> what = new ArrayList<>();
        if (f.length > 5 && !f[5].equals(home)) {
            fixes.add("--home " + Shell.quote(home) + " --move-home");
            what.add("home " + f[5] + " -> " + home);
        }
        if (f.length > 6 && !f[6].equals(SHELL)) {
            fixes.add("--shell " + SHELL);
            what.add("shell " + f[6] + " -> " + SHELL);
        }
        return fixes.isEmpty() ? Plan.none() : Plan.of(String.join(", ", what),
                () -> context.host().check("usermod " + String.join(" ", fixes) + " " + q));
    }
}
