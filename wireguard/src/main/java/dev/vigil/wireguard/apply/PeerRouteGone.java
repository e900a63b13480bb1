package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.task.Plan;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.TaskContext;
import dev.vigil.wireguard.config.WgQuickConfig;

import java.net.InetAddress;

/** No route on wg0 to a host that left the network: wg syncconf removes the peer but not the route apply added. */
public record PeerRouteGone(InetAddress address) implements Task {

    @Override
    public String name() {
        return "route to " + address.getHostAddress() + " on " + WgQuickConfig.INTERFACE;
    }

    @Override
    public Plan plan(TaskContext context) {
        String prefix = WgQuickConfig.hostPrefix(address);
        String routes = context.host().run("ip route show " + prefix + " dev " + WgQuickConfig.INTERFACE
                + " 2>/dev/null").out().strip();
        if (routes.isEmpty()) {
            return Plan.none();
        }
        return Plan.of("removed the route to " + prefix, () -> context.host().check("ip route del " + prefix
                + " dev " + WgQuickConfig.INTERFACE));
    }
}
