package dev.vigil.provisioning.run;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;

import java.io.PrintWriter;
import java.util.List;

/**
 * What every fleet workflow works on: the inventory, the selected hosts (as they are logged in to), how many
 * hosts are worked on at a time, and where the human report goes.
 */
public record FleetContext(Inventory inventory, List<Host> hosts, int parallel, PrintWriter out) {

    public FleetContext {
        hosts = List.copyOf(hosts);
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
    }
}
