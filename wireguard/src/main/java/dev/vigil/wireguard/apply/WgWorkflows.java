package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.remote.InstalledFile;
import dev.vigil.provisioning.remote.LocalHost;
import dev.vigil.provisioning.run.HostReport;
import dev.vigil.provisioning.run.ParallelHosts;
import dev.vigil.provisioning.run.Provision;
import dev.vigil.provisioning.run.ReportPrinter;
import dev.vigil.provisioning.ssh.SshFleet;
import dev.vigil.provisioning.task.Task;
import dev.vigil.wireguard.key.PublicKeys;
import dev.vigil.wireguard.mesh.Mesh;
import dev.vigil.wireguard.mesh.MeshRenderer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code ops wg} workflows. The mesh is built (and checked) before any server is contacted. */
public final class WgWorkflows {

    private WgWorkflows() {
    }

    /** {@code ops wg render HOST}: the host's wg0.conf and nftables table, as apply would write them. */
    public static void render(Inventory inventory, String host, PrintWriter out) {
        Mesh mesh = Mesh.of(inventory);
        MeshRenderer renderer = new MeshRenderer(mesh, PublicKeys.load(inventory.network().keysFile()));
        Mesh.Node node = mesh.node(host);
        out.print("# /etc/wireguard/wg0.conf\n" + renderer.wgQuick(node).render() + "\n# /etc/wireguard/wg0.nft\n"
                + renderer.firewall(node).render());
        out.flush();
    }

    /**
     * {@code ops wg keys}: each selected host's public key into the key file, the host making its private key
     * first when it has none. A dry run lists the hosts that have no key in the file and contacts none.
     * Returns false when a host failed (the keys of the others are still saved). Check the mesh first
     * ({@link Mesh#of}).
     */
    public static boolean keys(Inventory inventory, List<Host> hosts, boolean dryRun, int parallel,
                               PrintWriter out) {
        PublicKeys keys = PublicKeys.load(inventory.network().keysFile());
        if (dryRun) {
            for (Host h : hosts) {
                out.println(h.name() + ": " + keys.of(h.name()).map(k -> "has " + k)
                        .orElse("would make its key on the host and record the public key"));
            }
            out.flush();
            return true;
        }
        Map<String, String> collected = new LinkedHashMap<>();
        boolean ok = true;
        try (SshFleet fleet = new SshFleet(inventory, hosts)) {
            List<String> lines = ParallelHosts.map(fleet.hosts(), parallel, h -> {
                String pub = HostKey.ensure(h);
                synchronized (collected) {
                    collected.put(h.name(), pub);
                }
                return h.name() + ": " + pub;
            }, (h, e) -> h.name() + ": FAILED " + e.getMessage(), line -> { });
            for (String line : lines) {
                out.println(line);
                ok &= !line.contains(": FAILED ");
            }
        }
        for (Map.Entry<String, String> e : collected.entrySet()) {
            keys = keys.with(e.getKey(), e.getValue());
        }
        keys.save();
        out.println("public keys in " + keys.file());
        out.flush();
        return ok;
    }

    /**
     * Each selected host's tasks, built before any server is contacted: a broken mesh or a missing public key
     * fails here ({@link dev.vigil.wireguard.mesh.MeshException}) and touches nothing.
     */
    public static Map<String, List<Task>> tasks(Inventory inventory, List<Host> hosts) {
        Mesh mesh = Mesh.of(inventory);
        MeshRenderer renderer = new MeshRenderer(mesh, PublicKeys.load(inventory.network().keysFile()));
        Map<String, List<Task>> tasks = new LinkedHashMap<>();
        for (Host h : hosts) {
            tasks.put(h.name(), WgTasks.forHost(renderer, mesh, mesh.node(h.name())));
        }
        return tasks;
    }

    /**
     * {@code ops wg verify}: each host's live peer list against its rendered config ({@link PeerListDrift}), then
     * every pair probed live from its source host, printed as a matrix; false when a peer list drifted, any cell is
     * unexpected, or a host could not be checked.
     */
    public static boolean verify(Inventory inventory, List<Host> hosts, int parallel, PrintWriter out) {
        Mesh mesh = Mesh.of(inventory);
        MeshRenderer renderer = new MeshRenderer(mesh, PublicKeys.load(inventory.network().keysFile()));
        Map<String, dev.vigil.wireguard.config.WgQuickConfig> expected = new LinkedHashMap<>();
        hosts.forEach(h -> expected.put(h.name(), renderer.wgQuick(mesh.node(h.name())))); // a missing key: before SSH
        List<Verify.Cell> cells = new java.util.ArrayList<>();
        List<String> drift = new java.util.ArrayList<>();
        List<String> failures = new java.util.ArrayList<>();
        try (SshFleet fleet = new SshFleet(inventory, hosts)) {
            List<List<Verify.Cell>> each = ParallelHosts.map(fleet.hosts(), parallel, h -> {
                List<String> d = PeerListDrift.of(h.name(), expected.get(h.name()), h);
                synchronized (drift) {
                    drift.addAll(d);
                }
                return Verify.from(mesh, mesh.node(h.name()), h);
            }, (h, e) -> {
                synchronized (failures) {
                    failures.add(h.name() + ": " + e.getMessage());
                }
                return List.of();
            }, c -> { });
            each.forEach(cells::addAll);
        }
        drift.sort(null);
        out.println(drift.isEmpty() ? "peer lists: every host lists exactly the peers the policy gives it"
                : "peer lists: " + drift.size() + " difference(s) from the policy");
        drift.forEach(d -> out.println("  " + d));
        out.print(Verify.matrix(mesh, cells));
        failures.forEach(f -> out.println("FAILED " + f));
        long unexpected = cells.stream().filter(c -> !c.unexpected().isEmpty()).count();
        boolean ok = unexpected == 0 && drift.isEmpty() && failures.isEmpty();
        out.println(ok ? "every pair behaves as the policy says"
                : unexpected + " unexpected cell(s)" + (drift.isEmpty() ? "" : ", " + drift.size()
                        + " peer list difference(s)"));
        out.flush();
        return ok;
    }

    /**
     * {@code ops wg verify --local}: this host against its installed {@link VerifyPlan}; false on a difference.
     * A missing or unreadable plan is an error that says how to get one.
     */
    public static boolean verifyLocal(Path planFile, PrintWriter out) {
        VerifyPlan plan = InstalledFile.read(planFile, "ops wg apply", VerifyPlan::parse);
        Verify.Local result = Verify.local(plan, new LocalHost(plan.host(), Duration.ofSeconds(60)));
        out.print(result.report(plan.host()));
        out.flush();
        return result.ok();
    }

    /** {@code ops wg apply}: each host's files and interface ({@link #tasks}), or with {@code dryRun} their diffs. */
    public static boolean apply(Inventory inventory, List<Host> hosts, Map<String, List<Task>> tasks, boolean dryRun,
                                int parallel, boolean verbose, PrintWriter out) {
        ReportPrinter printer = new ReportPrinter(out, dryRun, verbose);
        try (SshFleet fleet = new SshFleet(inventory, hosts)) {
            List<HostReport> reports = Provision.run(fleet.hosts(), tasks, dryRun, parallel, printer::host);
            printer.summary(reports);
            return reports.stream().noneMatch(HostReport::failed);
        }
    }
}
