package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.task.Plan;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.TaskContext;
import dev.vigil.wireguard.config.WgQuickConfig;

/** A host that left the network: wg-quick@wg0 stopped and disabled, its key and files left for the operator. */
public record WgStopped() implements Task {

    @Override
    public String name() {
        return "interface " + WgQuickConfig.INTERFACE + " stopped";
    }

    @Override
    public Plan plan(TaskContext context) {
        String unit = "wg-quick@" + WgQuickConfig.INTERFACE;
        boolean up = context.host().run("wg show " + WgQuickConfig.INTERFACE + " >/dev/null 2>&1").ok();
        boolean enabled = context.host().run("systemctl is-enabled --quiet " + unit).ok();
        if (!up && !enabled) {
            return Plan.none();
        }
        return Plan.of("stopped and disabled " + unit, () -> context.host().check("systemctl disable --now " + unit));
    }
}
