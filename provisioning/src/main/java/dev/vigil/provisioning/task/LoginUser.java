package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.Shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A person's login account: its own group, a home folder, bash, and membership of the given extra groups (e.g.
 * {@code sudo}). An existing account with another shell or missing a group is corrected; extra groups it has
 * beyond these are left alone.
 */
public record LoginUser(String name, List<String> groups) implements Task {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final String SHELL = "/bin/bash";

    public LoginUser {
        groups = List.copyOf(groups);
        for (String n : concat(name, groups)) {
            if (!NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("not a user or group name: \"" + n + "\"");
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    public String home() {
        return "/home/" + name;
    }

    @Override
    public String name() {
        return "login user " + name;
    }

    @Override
    public Plan plan(TaskContext context) {
        String q = Shell.quote(name);
        String extra = String.join(",", groups);
        var entry = context.host().run("getent passwd " + q);
        if (entry.exitStatus() == 2) {
            return Plan.of("created (groups " + extra + ")", () -> context.host().check("useradd --create-home "
                    + "--user-group --shell " + SHELL + (groups.isEmpty() ? "" : " --groups " + Shell.quote(extra))
                    + " " + q));
        }
        List<Change> changes = new ArrayList<>();
        String[] f = entry.out().strip().split(":");
        if (f.length > 6 && !f[6].equals(SHELL)) {
            changes.add(new Change("shell " + f[6] + " -> " + SHELL,
                    () -> context.host().check("usermod --shell " + SHELL + " " + q)));
        }
        List<String> has = List.of(context.host().check("id -nG " + q).strip().split("\\s+"));
        List<String> missing = groups.stream().filter(g -> !has.contains(g)).toList();
        if (!missing.isEmpty()) {
            changes.add(new Change("added to " + String.join(",", missing), () -> context.host().check(
                    "usermod --append --groups " + Shell.quote(String.join(",", missing)) + " " + q)));
        }
        return Plan.of(changes);
    }
}
