package dev.vigil.ops.lb;

import dev.vigil.haproxy.LbWorkflows;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code ops lb certs}: the balancers' certificate files, their names, key types and expiry. */
@Command(name = "certs",
        description = {"List the certificate files of roles.lb.certificates (the ones every load balancer serves): "
                + "key type, DNS names, expiry and days left, soonest first. Touches no server.",
                "Exit status 1 when any has less than 14 days left."})
public final class LbCertsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Override
    public Integer call() throws Exception {
        Inventory inventory = fleet.load(spec);
        LbWorkflows.CertificateReport report = LbWorkflows.certificates(inventory, Instant.now());
        spec.commandLine().getOut().print(report.table());
        spec.commandLine().getOut().flush();
        return report.ok() ? 0 : 1;
    }
}
