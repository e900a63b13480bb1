package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.ssh.SshFleet;
import dev.vigil.provisioning.task.Task;
import dev.vigil.wireguard.key.PublicKeys;
import dev.vigil.wireguard.key.WgKeys;
import dev.vigil.wireguard.mesh.Mesh;
import dev.vigil.wireguard.mesh.MeshRenderer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ops wg add|remove|rotate HOST}: one host joins, leaves or gets a new key, and exactly the hosts that list
 * it as a peer are brought in line through the one task runner ({@link WgWorkflows#apply}, so {@code wg syncconf}
 * keeps every other session). The mesh and every task are built before a server is contacted. A dry run contacts
 * the hosts only to plan; where the host's new public key is not known yet (a key still to be made) the peers' diffs
 * show a stand-in key, and say so.
 */
public final class MeshChanges {

    private MeshChanges() {
    }

    /** HOST (already in the inventory) makes its key if it has none, then HOST and its peers are applied. */
    public static boolean add(Inventory inventory, String name, boolean dryRun, int parallel, boolean verbose,
                              PrintWriter out) {
        Mesh mesh = Mesh.of(inventory);
        Mesh.Node node = mesh.node(name);
        PublicKeys keys = PublicKeys.load(inventory.network().keysFile());
        List<Host> affected = withPeers(inventory, mesh, node);
        if (dryRun) {
            if (keys.of(name).isEmpty()) {
                out.println(name + ": would make its key on the host (if it has none) and record the public key; "
                        + "the peers' diffs below show a stand-in key");
                keys = keys.with(name, standIn());
            }
            return WgWorkflows.apply(inventory, everyone(inventory, mesh), withPlans(mesh, keys, affected), true,
                    parallel, verbose, out);
        }
        String pub = onHost(inventory, node.host(), HostKey::ensure);
        keys = keys.with(name, pub);
        keys.save();
        out.println(name + ": " + pub + " (in " + keys.file() + ")");
        return WgWorkflows.apply(inventory, everyone(inventory, mesh), withPlans(mesh, keys, affected), false,
                parallel, verbose, out);
    }

    /** The mesh's hosts, in inventory order. */
    private static List<Host> everyone(Inventory inventory, Mesh mesh) {
        return inventory.hosts().stream().filter(h -> mesh.nodes().stream().anyMatch(n -> n.name()
                .equals(h.name()))).toList();
    }

    /** {@code affected} hosts' full tasks; every other host of the mesh its verify plan only (it names them all). */
    private static Map<String, List<Task>> withPlans(Mesh mesh, PublicKeys keys, List<Host> affected) {
        Map<String, List<Task>> tasks = tasks(mesh, keys, affected);
        MeshRenderer renderer = new MeshRenderer(mesh, keys);
        for (Mesh.Node n : mesh.nodes()) {
            tasks.computeIfAbsent(n.name(), k -> WgTasks.verifyPlan(renderer, mesh, n));
        }
        return tasks;
    }

    /**
     * HOST leaves: its peers are applied with the mesh as it is without HOST (the peer and its route go), HOST's
     * wg0 is stopped and disabled, and its key leaves the key file once every peer is done. HOST stays in the
     * inventory until the operator deletes it (a later apply would refuse it: it has no key).
     */
    public static boolean remove(Inventory inventory, String name, boolean dryRun, int parallel, boolean verbose,
                                 PrintWriter out) {
        Mesh mesh = Mesh.of(inventory);
        Mesh.Node node = mesh.node(name);
        Inventory rest = new Inventory(inventory.file(), inventory.ssh(), inventory.domains(), inventory.settings(),
                inventory.secrets(), inventory.hosts().stream().filter(h -> !h.name().equals(name)).toList(),
                inventory.network());
        Mesh after = Mesh.of(rest);
        PublicKeys keys = PublicKeys.load(inventory.network().keysFile());
        MeshRenderer renderer = new MeshRenderer(after, keys);
        List<Host> affected = withPeers(inventory, mesh, node);
        Map<String, List<Task>> tasks = new LinkedHashMap<>();
        for (Host h : affected) {
            if (h.name().equals(name)) {
                tasks.put(name, List.of(new WgStopped()));
            } else {
                List<Task> t = new ArrayList<>(WgTasks.forHost(renderer, after, after.node(h.name())));
                t.add(new PeerRouteGone(node.address()));
                tasks.put(h.name(), t);
            }
        }
        for (Mesh.Node n : after.nodes()) {
            tasks.computeIfAbsent(n.name(), k -> WgTasks.verifyPlan(renderer, after, n));
        }
        boolean ok = WgWorkflows.apply(inventory, everyone(inventory, mesh), tasks, dryRun, parallel, verbose, out);
        if (dryRun) {
            out.println(name + ": would leave " + keys.file() + "; then delete it from " + inventory.file());
        } else if (ok) {
            keys.without(name).save();
            out.println(name + ": key removed from " + keys.file() + "; now delete it from " + inventory.file());
        } else {
            out.println(name + ": key kept in " + keys.file() + " (a host failed); run it again");
        }
        out.flush();
        return ok;
    }

    /**
     * HOST gets a new key made on the host (the old one is overwritten and loaded out of wg0 at once), the new public
     * key goes into the key file, and every peer that lists HOST is applied ({@code wg syncconf} swaps the peer's
     * key). Every session HOST has restarts; sessions between other hosts are untouched.
     */
    public static boolean rotate(Inventory inventory, String name, boolean dryRun, int parallel, boolean verbose,
                                 PrintWriter out) {
        Mesh mesh = Mesh.of(inventory);
        Mesh.Node node = mesh.node(name);
        PublicKeys keys = PublicKeys.load(inventory.network().keysFile());
        keys.of(name).orElseThrow(() -> new IllegalArgumentException("host \"" + name + "\" has no recorded key "
                + "to rotate: run 'ops wg add " + name + "' first"));
        List<Host> peers = mesh.peersOf(node).stream().map(Mesh.Node::host).toList();
        String sessions = name + "'s sessions with " + (peers.isEmpty() ? "no host"
                : String.join(", ", peers.stream().map(Host::name).toList())) + " restart";
        if (dryRun) {
            out.println(name + ": would make a new key on the host and record it (the diffs below show a stand-in "
                    + "key); " + sessions);
            keys = keys.with(name, standIn());
            return WgWorkflows.apply(inventory, peers, tasks(mesh, keys, peers), true, parallel, verbose, out);
        }
        String pub = onHost(inventory, node.host(), HostKey::rotate);
        keys = keys.with(name, pub);
        keys.save();
        out.println(name + ": new key " + pub + " (in " + keys.file() + "); " + sessions);
        return WgWorkflows.apply(inventory, peers, tasks(mesh, keys, peers), false, parallel, verbose, out);
    }

    /** {@code node} and the hosts that list it, in inventory order. */
    private static List<Host> withPeers(Inventory inventory, Mesh mesh, Mesh.Node node) {
        List<Mesh.Node> peers = mesh.peersOf(node);
        return inventory.hosts().stream().filter(h -> h.name().equals(node.name())
                || peers.stream().anyMatch(p -> p.name().equals(h.name()))).toList();
    }

    private static Map<String, List<Task>> tasks(Mesh mesh, PublicKeys keys, List<Host> hosts) {
        MeshRenderer renderer = new MeshRenderer(mesh, keys);
        Map<String, List<Task>> tasks = new LinkedHashMap<>();
        for (Host h : hosts) {
            tasks.put(h.name(), WgTasks.forHost(renderer, mesh, mesh.node(h.name())));
        }
        return tasks;
    }

    private static String onHost(Inventory inventory, Host host,
                                 java.util.function.Function<dev.vigil.provisioning.remote.RemoteHost, String> step) {
        try (SshFleet fleet = new SshFleet(inventory, List.of(host))) {
            return step.apply(fleet.hosts().get(0));
        }
    }

    /** A valid public key of no one, for a dry run's diffs where the real one is not made yet. */
    private static String standIn() {
        return WgKeys.publicOf(WgKeys.generatePrivate());
    }
}
