package dev.vigil.provisioning.role;

import dev.vigil.provisioning.task.PackagesInstalled;
import dev.vigil.provisioning.task.SystemdService;
import dev.vigil.provisioning.task.Task;

import java.util.List;

/** Load balancers: HAProxy installed and running (its configuration comes from the HAProxy work). */
final class LbRecipe {

    private LbRecipe() {
    }

    static List<Task> tasks() {
        return List.of(PackagesInstalled.of("haproxy"), SystemdService.existing("haproxy.service"));
    }
}
