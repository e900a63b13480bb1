package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.task.Task;

import java.util.List;

/**
 * The tasks that make a host with role lb a working load balancer (certificates, haproxy.cfg checked on the host,
 * the reload), which the haproxy module builds: it depends on provisioning, so ops hands them in
 * ({@link RecipeInputs#lbConfiguration()}), and {@code ops provision} and {@code ops lb apply} run the same tasks.
 * Building them may fail (an inventory without certificates), before any server is touched.
 */
@FunctionalInterface
public interface LbConfiguration {

    List<Task> tasks(Inventory inventory, Host host);
}
