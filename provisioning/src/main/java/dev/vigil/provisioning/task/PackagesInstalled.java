package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.Shell;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Debian packages that must be installed (apt-get, no recommends); lists are refreshed once per run if needed. */
public record PackagesInstalled(List<String> packages) implements Task {

    static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

    public PackagesInstalled {
        packages = List.copyOf(packages);
        for (String p : packages) {
            if (!PACKAGE.matcher(p).matches()) {
                throw new IllegalArgumentException("not a Debian package name: \"" + p + "\"");
            }
        }
    }

    public static PackagesInstalled of(String... packages) {
        return new PackagesInstalled(List.of(packages));
    }

    @Override
    public String name() {
        return "packages installed: " + String.join(" ", packages);
    }

    @Override
    public Plan plan(TaskContext context) {
        Set<String> installed = installed(context, packages);
        List<String> missing = packages.stream().filter(p -> !installed.contains(p)).toList();
        return missing.isEmpty() ? Plan.none() : Plan.of("installed " + String.join(" ", missing), () -> {
            context.refreshAptListsOnce();
            context.host().check("apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confold "
                    + Shell.quoteAll(missing));
        });
    }

    /** The subset of {@code names} dpkg reports as installed. */
    static Set<String> installed(TaskContext context, List<String> names) {
        String out = context.host().run("dpkg-query -W -f='${Package} ${db:Status-Status}\\n' "
                + Shell.quoteAll(names) + " 2>/dev/null").out();
        return out.lines().map(l -> l.split(" ")).filter(f -> f.length == 2 && f[1].equals("installed"))
                .map(f -> f[0].replaceFirst(":.*", "")).collect(java.util.stream.Collectors.toSet());
    }
}
