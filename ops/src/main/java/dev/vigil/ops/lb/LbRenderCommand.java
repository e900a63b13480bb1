package dev.vigil.ops.lb;

import dev.vigil.haproxy.LbWorkflows;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops lb render HOST}: a load balancer's haproxy.cfg on stdout. */
@Command(name = "render",
        description = "Print the haproxy.cfg of load balancer HOST, built from the inventory and checked with the "
                + "real haproxy -c (installed here). Touches no server.",
        footer = {"", "Example:", "  ops lb render lb1 --inventory /etc/vigil/ops.yaml > lb1.cfg"})
public final class LbRenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Parameters(paramLabel = "HOST", description = "A host with role lb.")
    String host;

    @Override
    public Integer call() throws Exception {
        Inventory inventory = fleet.load(spec);
        spec.commandLine().getOut().print(LbWorkflows.render(inventory, host));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
