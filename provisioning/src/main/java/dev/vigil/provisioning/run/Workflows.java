package dev.vigil.provisioning.run;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.role.RecipeInputs;
import dev.vigil.provisioning.role.Recipes;
import dev.vigil.provisioning.ssh.SshFleet;
import dev.vigil.provisioning.task.Task;
import dev.vigil.table.TextTable;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The provisioning workflows behind the {@code ops} commands, written against the inventory and the
 * {@link dev.vigil.provisioning.remote.RemoteHost} port (over SSH). Each returns whether everything succeeded.
 */
public final class Workflows {

    private Workflows() {
    }

    /** {@code ops provision}: apply (or check) each selected host's recipe. */
    public static boolean provision(Inventory inventory, List<Host> hosts, RecipeInputs inputs, boolean check,
                                    int parallel, boolean verbose, PrintWriter out) {
        return provision(inventory, hosts, recipes(inventory, hosts, inputs), check, parallel, verbose, out);
    }

    /**
     * Each host's recipe, by name. Built before any server is contacted: a missing secret or file fails here
     * ({@link IllegalArgumentException} or {@link java.io.UncheckedIOException}) and touches nothing.
     */
    public static Map<String, List<Task>> recipes(Inventory inventory, List<Host> hosts, RecipeInputs inputs) {
        Map<String, List<Task>> recipes = new LinkedHashMap<>();
        for (Host h : hosts) {
            recipes.put(h.name(), Recipes.forHost(inventory, h, inputs));
        }
        return recipes;
    }

    /** Applies (or checks) recipes built by {@link #recipes}; {@code hosts} say how to reach each server. */
    public static boolean provision(Inventory inventory, List<Host> hosts, Map<String, List<Task>> recipes,
                                    boolean check, int parallel, boolean verbose, PrintWriter out) {
        ReportPrinter printer = new ReportPrinter(out, check, verbose);
        try (SshFleet fleet = new SshFleet(inventory, hosts)) {
            List<HostReport> reports = Provision.run(fleet.hosts(), recipes, check, parallel, printer::host);
            printer.summary(reports);
            return reports.stream().noneMatch(HostReport::failed);
        }
    }

    /** {@code ops exec}: one shell command on each host, output grouped by host as each finishes. */
    public static boolean exec(Inventory inventory, List<Host> hosts, String command, int parallel,
                               Duration timeout, PrintWriter out) {
        try (SshFleet fleet = new SshFleet(inventory, hosts)) {
            List<Boolean> ok = ParallelHosts.map(fleet.hosts(), parallel, host -> {
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
    public static boolean overview(Inventory inventory, List<Host> hosts, int parallel, PrintWriter out) {
        List<HostFacts> facts;
        try (SshFleet fleet = new SshFleet(inventory, hosts)) {
            facts = ParallelHosts.map(fleet.hosts(), parallel, HostFacts::gather, HostFacts::unreachable, f -> { });
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
