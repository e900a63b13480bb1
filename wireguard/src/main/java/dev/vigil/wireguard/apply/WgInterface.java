package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.task.Change;
import dev.vigil.provisioning.task.Plan;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.TaskContext;
import dev.vigil.wireguard.config.WgFirewall;
import dev.vigil.wireguard.config.WgQuickConfig;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * wg0 up with the installed config: started (and enabled, so a reboot brings it up) through {@code wg-quick@wg0}
 * when it is down; when it is up and the files changed in this run, reloaded in place with {@code wg syncconf}
 * (live sessions kept), plus a route for every peer, which syncconf does not add, and the nftables table reloaded.
 * wg-quick falls back to {@code wireguard-go} by itself where the kernel has no WireGuard module.
 */
public record WgInterface(List<InetAddress> peers, List<Task> configFiles) implements Task {

    /**
     * wg syncconf with the key put back: a config without PrivateKey makes syncconf remove the interface's key
     * (every tunnel dies; seen on wireguard-go), and wg0.conf has none, so the key file is spliced in after
     * [Interface], in a private temp folder, never on a command line.
     */
    static final String SYNC = "set -e; umask 077; d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; { printf "
            + "'PrivateKey = '; cat " + WgQuickConfig.PRIVATE_KEY_FILE + "; } > \"$d/key\"; wg-quick strip wg0 | "
            + "sed \"/^\\[Interface\\]\\$/r $d/key\" > \"$d/conf\"; wg syncconf wg0 \"$d/conf\"; ";

    public WgInterface {
        peers = List.copyOf(peers);
        configFiles = List.copyOf(configFiles);
    }

    @Override
    public String name() {
        return "interface " + WgQuickConfig.INTERFACE;
    }

    @Override
    public Plan plan(TaskContext context) {
        boolean up = context.host().run("wg show " + WgQuickConfig.INTERFACE + " >/dev/null 2>&1").ok();
        if (!up) {
            return Plan.of(new Change("started wg-quick@wg0 (enabled at boot)", () -> context.host().check(
                    "systemctl enable --now wg-quick@" + WgQuickConfig.INTERFACE)));
        }
        boolean changed = configFiles.stream().anyMatch(context::changedInThisRun);
        if (!changed) {
            return Plan.none();
        }
        String routes = peers.stream().map(a -> "ip route replace " + WgQuickConfig.hostPrefix(a) + " dev wg0")
                .collect(Collectors.joining("; "));
        return Plan.of(new Change("reloaded with wg syncconf, peer routes and nftables table", () -> context.host()
                .check(SYNC + routes + (routes.isEmpty() ? "" : "; ") + "nft -f " + WgFirewall.PATH)));
    }
}
