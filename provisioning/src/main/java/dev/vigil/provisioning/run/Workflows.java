package dev.vigil.provisioning.run;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.role.RecipeInputs;
import dev.vigil.provisioning.role.Recipes;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.ssh.HostKeyTrust;
import dev.vigil.provisioning.ssh.SshFleet;
import dev.vigil.provisioning.ssh.SshTarget;
import dev.vigil.provisioning.task.Task;
import dev.vigil.table.TextTable;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The provisioning workflows behind the {@code ops} commands, written against the inventory and the
 * {@link dev.vigil.provisioning.remote.RemoteHost} port (over SSH). Each takes a {@link FleetContext} (the inventory,
 * the selected hosts, how many at a time, where the report goes) and returns whether everything succeeded.
 */
public final class Workflows {

    private Workflows() {
    }

    /**
     * {@code ops provision}, first half: each host's recipe, built before any server is contacted. The secrets are
     * read only when a selected host's recipe needs them and the file exists; the ops jar is the one named, else
     * the running one when some host needs it. A missing secret or file fails here
     * ({@link IllegalArgumentException} or {@link java.io.UncheckedIOException}) and touches nothing.
     */
    public static PreparedProvision prepare(FleetContext fleet, ProvisionRequest request) {
        Inventory inventory = fleet.inventory();
        Secrets secrets = fleet.hosts().stream().anyMatch(h -> Recipes.needsSecrets(inventory, h))
                && Files.exists(inventory.secrets().file()) ? request.secrets().get() : Secrets.none();
        Map<String, List<Task>> recipes = recipes(inventory, fleet.hosts(),
                new RecipeInputs(secrets, opsJar(fleet, request), request.lbConfiguration()));
        List<Host> reached = request.sshUser().map(user -> fleet.hosts().stream().map(h -> h.loggingInAs(user))
                .toList()).orElse(fleet.hosts());
        return new PreparedProvision(new FleetContext(inventory, reached, fleet.parallel(), fleet.out()), recipes,
                request);
    }

    /** Each host's recipe, by name; fails as {@link #prepare} does. */
    public static Map<String, List<Task>> recipes(Inventory inventory, List<Host> hosts, RecipeInputs inputs) {
        Map<String, List<Task>> recipes = new LinkedHashMap<>();
        for (Host h : hosts) {
            recipes.put(h.name(), Recipes.forHost(inventory, h, inputs));
        }
        return recipes;
    }

    /** Recipes built by {@link #prepare}, ready to apply (or, in a dry run, to compare). */
    public record PreparedProvision(FleetContext fleet, Map<String, List<Task>> recipes, ProvisionRequest request) {

        /** {@code ops provision}, second half: apply the recipes; whether every host succeeded. */
        public boolean run() {
            ReportPrinter printer = new ReportPrinter(fleet.out(), request.dryRun(), request.verbose());
            try (SshFleet ssh = new SshFleet(fleet.inventory(), fleet.hosts())) {
                List<HostReport> reports = Provision.run(ssh.hosts(), recipes, request.dryRun(), fleet.parallel(),
                        printer::host);
                printer.summary(reports);
                return reports.stream().noneMatch(HostReport::failed);
            }
        }
    }

    /** The jar that db and watchdog servers run: the one named, else (when a host needs it) the running one. */
    private static Optional<Path> opsJar(FleetContext fleet, ProvisionRequest request) {
        if (request.opsJar().isPresent()) {
            Path jar = request.opsJar().get();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("--ops-jar " + jar + " is not a file");
            }
            return request.opsJar();
        }
        if (fleet.hosts().stream().noneMatch(h -> Recipes.needsOpsJar(fleet.inventory(), h))) {
            return Optional.empty();
        }
        return request.runningJar();
    }

    /**
     * The jar {@code c} was loaded from, if it was loaded from a jar file (not from a classes folder, as in the
     * build's tests).
     */
    public static Optional<Path> jarOf(Class<?> c) {
        try {
            Path self = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(self) && self.toString().endsWith(".jar") ? Optional.of(self)
                    : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code ops hosts trust}: show the key the one selected host presents and record it in known_hosts when
     * {@code expected} matches it, {@code yes} is given or the operator confirms; whether it is trusted now.
     * A changed key or a wrong fingerprint is a {@link HostTrust.RefusedException}.
     */
    public static boolean trust(FleetContext fleet, Optional<String> expected, boolean yes,
                                HostTrust.Confirmation confirmation) {
        if (fleet.hosts().size() != 1) {
            throw new IllegalArgumentException("trust one host at a time, not " + fleet.hosts().size());
        }
        SshTarget target = SshTarget.of(fleet.hosts().get(0), fleet.inventory().ssh());
        PrintWriter out = fleet.out();
        HostKeyTrust.PresentedKey key = HostKeyTrust.fetch(target);
        out.println(target + " presents " + key.type() + " " + key.fingerprint());
        switch (HostTrust.decide(key.status(), key.fingerprint(), expected, yes)) {
            case ALREADY_TRUSTED -> {
                out.println("already in " + target.knownHosts() + "; nothing to do");
                out.flush();
                return true;
            }
            case REFUSE_CHANGED -> throw new HostTrust.RefusedException("HOST KEY CHANGED: " + target.knownHosts()
                    + " has " + key.known().orElse("?") + " for this host; refusing. Remove that line first if the "
                    + "server was really rebuilt.");
            case REFUSE_MISMATCH -> throw new HostTrust.RefusedException("fingerprint mismatch: expected "
                    + expected.orElse("?") + ", got " + key.fingerprint() + "; not recorded");
            case ASK -> {
                out.flush();
                if (!confirmation.confirm("Record this key? Compare it with the server's console first. [y/N] ")) {
                    out.println("not recorded");
                    out.flush();
                    return false;
                }
            }
            case RECORD -> { }
        }
        HostKeyTrust.record(target, key);
        out.println("recorded in " + target.knownHosts());
        out.flush();
        return true;
    }

    /** {@code ops exec}: one shell command on each host, output grouped by host as each finishes. */
    public static boolean exec(FleetContext context, String command, Duration timeout) {
        PrintWriter out = context.out();
        try (SshFleet fleet = new SshFleet(context.inventory(), context.hosts())) {
            List<Boolean> ok = ParallelHosts.map(fleet.hosts(), context.parallel(), host -> {
                CommandResult r = host.run(command, new byte[0], timeout);
                print(out, "== " + host.name() + " (exit " + r.exitStatus() + ")\n" + r.out() + r.err());
                return r.ok();
            }, (host, e) -> {
                print(out, "== " + host.name() + " (FAILED)\n" + e.getMessage() + "\n");
                return false;
            }, r -> { });
            return !ok.contains(false);
        }
    }

    private static void print(PrintWriter out, String block) {
        synchronized (out) {
            out.print(block.endsWith("\n") ? block : block + "\n");
            out.flush();
        }
    }

    /** {@code ops hosts}: a table of the selected hosts with live facts. */
    public static boolean overview(FleetContext context) {
        List<Host> hosts = context.hosts();
        PrintWriter out = context.out();
        List<HostFacts> facts;
        try (SshFleet fleet = new SshFleet(context.inventory(), hosts)) {
            facts = ParallelHosts.map(fleet.hosts(), context.parallel(), HostFacts::gather, HostFacts::unreachable,
                    f -> { });
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"NAME", "ROLES", "ADDRESSES", "REACHABLE", "OS", "UPTIME", "REBOOT"});
        for (int i = 0; i < hosts.size(); i++) {
            Host h = hosts.get(i);
            HostFacts f = facts.get(i);
            List<String> addresses = new ArrayList<>();
            h.ipv4().ifPresent(a -> addresses.add(a.getHostAddress()));
            h.ipv6().ifPresent(a -> addresses.add(a.getHostAddress()));
            h.wireguard().ifPresent(a -> addresses.add("wg " + a.getHostAddress()));
            rows.add(new String[]{h.name(), h.roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")),
                    String.join(" ", addresses), f.reachable() ? "yes" : "NO", f.os().orElse("-"),
                    f.uptime().map(Workflows::uptime).orElse("-"),
                    f.rebootRequired().map(b -> b ? "REQUIRED" : "no").orElse("-")});
        }
        printTable(out, rows);
        facts.stream().filter(f -> f.error().isPresent())
                .forEach(f -> out.println(f.name() + ": " + f.error().get()));
        out.flush();
        return facts.stream().allMatch(HostFacts::reachable);
    }

    static String uptime(Duration d) {
        long days = d.toDays();
        return days > 0 ? days + "d " + d.toHoursPart() + "h" : String.format(Locale.ROOT, "%dh %02dm", d.toHours(),
                d.toMinutesPart());
    }

    private static void printTable(PrintWriter out, List<String[]> rows) {
        out.print(TextTable.render(rows.stream().map(List::of).toList()));
    }
}
