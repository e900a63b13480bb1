package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Inventory;

/** What the {@code ops lb} commands do, as plain Java over the inventory. */
public final class LbWorkflows {

    private LbWorkflows() {
    }

    /** The configuration of load balancer {@code host}, built from the inventory and passed by haproxy -c. */
    public static String render(Inventory inventory, String host) {
        return HaproxyValidator.validated(HaproxyConfigs.forHost(inventory, host));
    }
}
