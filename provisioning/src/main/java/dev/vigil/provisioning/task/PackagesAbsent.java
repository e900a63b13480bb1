package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.Shell;

import java.util.List;
import java.util.Set;

/** Debian packages that must not be installed (removed with apt-get remove; configuration files stay). */
public record PackagesAbsent(List<String> packages) implements Task {

    public PackagesAbsent {
        packages = List.copyOf(new PackagesInstalled(packages).packages());
    }

    public static PackagesAbsent of(String... packages) {
        return new PackagesAbsent(List.of(packages));
    }

    @Override
    public String name() {
        return "packages absent: " + String.join(" ", packages);
    }

    @Override
    public Plan plan(TaskContext context) {
        Set<String> installed = PackagesInstalled.installed(context, packages);
        List<String> present = packages.stream().filter(installed::contains).toList();
        return present.isEmpty() ? Plan.none() : Plan.of("removed " + String.join(" ", present),
                () -> context.host().check("apt-get remove -y -q " + Shell.quoteAll(present)));
    }
}
