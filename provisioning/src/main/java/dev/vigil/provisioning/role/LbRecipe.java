package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.task.PackagesInstalled;
import dev.vigil.provisioning.task.SystemdService;
import dev.vigil.provisioning.task.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * Load balancers: HAProxy and socat (through which ops reaches HAProxy's runtime API over SSH), then the
 * configuration tasks of the haproxy module ({@link LbConfiguration}: certificates, haproxy.cfg, reload), the same
 * that {@code ops lb apply} runs. Without them (provisioning's own tests) HAProxy only runs with Debian's file.
 */
final class LbRecipe {

    /** The packages; {@code ops lb apply} names the same task, so a recipe holds it once. */
    static final PackagesInstalled PACKAGES = PackagesInstalled.of("haproxy", "socat");

    private LbRecipe() {
    }

    static List<Task> tasks(Inventory inventory, Host host, RecipeInputs inputs) {
        List<Task> tasks = new ArrayList<>(List.of(PACKAGES));
        if (inputs.lbConfiguration().isPresent()) {
            tasks.addAll(inputs.lbConfiguration().get().tasks(inventory, host));
        } else {
            tasks.add(SystemdService.existing("haproxy.service"));
        }
        return tasks;
    }
}
