package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.task.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each server should look like, as tasks: the base recipe for every host, then one recipe per role.
 * Recipes are plain data built from the inventory and the secrets; nothing here talks to a server. A missing
 * secret or file is an error here, before any server is touched.
 */
public final class Recipes {

    private Recipes() {
    }

    public static List<Task> forHost(Inventory inventory, Host host, RecipeInputs inputs) {
        List<Task> tasks = new ArrayList<>(BaseRecipe.tasks(inventory, host));
        if (host.has(Role.LB)) {
            tasks.addAll(LbRecipe.tasks(inventory, host, inputs));
        }
        if (host.has(Role.APP)) {
            tasks.addAll(AppRecipe.tasks(inventory, host, inputs.secrets()));
        }
        if (host.has(Role.DB)) {
            tasks.addAll(DbRecipe.tasks(inventory, host, inputs));
        }
        if (host.has(Role.WATCHDOG)) {
            tasks.addAll(WatchdogRecipe.tasks(inventory, inputs));
        }
        tasks.addAll(WireGuardOrdering.tasks(inventory, host));
        tasks.addAll(WireGuardVerifyJob.tasks(inventory, host, inputs));
        tasks.addAll(LbRenewJob.tasks(inventory, host, inputs));
        // roles share some steps (Java, the ops jar): the first of equal names is kept, and they are equal
        Map<String, Task> unique = new LinkedHashMap<>();
        tasks.forEach(t -> unique.putIfAbsent(t.name(), t));
        return List.copyOf(unique.values());
    }

    /** Whether {@code host}'s recipe reads secrets, so that hosts without any need no key to provision. */
    public static boolean needsSecrets(Inventory inventory, Host host) {
        return host.has(Role.APP) || host.has(Role.DB) || host.has(Role.WATCHDOG)
                || WireGuardVerifyJob.applies(inventory, host) || LbRenewJob.applies(inventory, host);
    }

    /** Whether {@code host}'s recipe installs the ops jar. */
    public static boolean needsOpsJar(Inventory inventory, Host host) {
        return host.has(Role.WATCHDOG) || host.has(Role.DB) && inventory.settings().db().backupBucket() != null
                || WireGuardVerifyJob.applies(inventory, host) || LbRenewJob.applies(inventory, host);
    }
}
