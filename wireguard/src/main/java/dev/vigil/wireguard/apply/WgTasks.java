package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.task.ManagedDirectory;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.PackagesInstalled;
import dev.vigil.provisioning.task.Task;
import dev.vigil.wireguard.config.WgFirewall;
import dev.vigil.wireguard.config.WgQuickConfig;
import dev.vigil.wireguard.mesh.Mesh;
import dev.vigil.wireguard.mesh.MeshRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * What one host needs for its place in the mesh: the tools, wg0.conf and its nftables table, each checked by the
 * real tool on the host before it is written, then the interface up or reloaded, and the {@link VerifyPlan} its
 * scheduled {@code ops wg verify --local} checks. Run by provisioning's {@code TaskRunner}, so a
 * dry run prints the diffs and touches nothing. The host's key must exist first ({@link HostKey}).
 */
public final class WgTasks {

    private WgTasks() {
    }

    public static List<Task> forHost(MeshRenderer renderer, Mesh mesh, Mesh.Node node) {
        ManagedFile conf = ManagedFile.text(WgQuickConfig.PATH, renderer.wgQuick(node).render(),
                FileMeta.rootOwned(0600)).validatedBy(WgQuickConfig.CHECK);
        ManagedFile nft = ManagedFile.text(WgFirewall.PATH, renderer.firewall(node).render(),
                FileMeta.rootOwned(0600)).validatedBy(WgFirewall.CHECK);
        List<Task> tasks = new ArrayList<>(List.of(PackagesInstalled.of("wireguard-tools", "nftables"), conf, nft,
                new WgInterface(mesh.peersOf(node).stream().map(Mesh.Node::address).toList(), List.of(conf, nft))));
        tasks.addAll(verifyPlan(renderer, mesh, node));
        return List.copyOf(tasks);
    }

    /**
     * What {@code ops wg verify --local} on the host (from cron) checks. Every host's plan names every other host,
     * so a host joining or leaving changes the plans of hosts whose peers stay the same: they get only these.
     */
    public static List<Task> verifyPlan(MeshRenderer renderer, Mesh mesh, Mesh.Node node) {
        return List.of(new ManagedDirectory("/etc/vigil", FileMeta.rootOwned(0755)), ManagedFile.text(VerifyPlan.PATH,
                VerifyPlan.of(mesh, renderer.wgQuick(node), node).render(), FileMeta.rootOwned(0644)));
    }
}
