package dev.vigil.ops.lb;

import dev.vigil.haproxy.CertificateSurvey;
import dev.vigil.haproxy.LbWorkflows;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code ops lb certs}: what each balancer serves, or with {@code --files} the inventory's certificate files. */
@Command(name = "certs",
        description = {"For every load balancer, the certificate it serves on port 443 for the app and the ping "
                + "domain to an ECDSA-capable and to an RSA-only client (TLS 1.2 with SNI): expiry, days left, and "
                + "any problem (no answer, the wrong key type, a certificate for other names).",
                "With --files: the certificate files of roles.lb.certificates instead; touches no server.",
                "Exit status 1 when any certificate has a problem or less than 14 days left."})
public final class LbCertsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--files", description = "List the inventory's certificate files, not what is served.")
    boolean files;

    @Override
    public Integer call() throws Exception {
        Inventory inventory = fleet.load(spec);
        PrintWriter out = spec.commandLine().getOut();
        boolean ok;
        if (files) {
            LbWorkflows.CertificateReport report = LbWorkflows.certificates(inventory, Instant.now());
            out.print(report.table());
            ok = report.ok();
        } else {
            CertificateSurvey.Report report = LbWorkflows.served(inventory,
                    LbCommand.balancers(spec, fleet, inventory), Instant.now());
            out.print(report.table());
            ok = report.ok();
        }
        out.flush();
        return ok ? 0 : 1;
    }
}
