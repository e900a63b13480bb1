package dev.vigil.provisioning.task;

import dev.vigil.provisioning.config.NftRuleset;
import dev.vigil.provisioning.remote.FileMeta;


/**
 * The firewall as one ruleset in /etc/nftables.conf, checked with {@code nft -c} before it is written, loaded by
 * Debian's nftables.service (enabled and started; when the ruleset changes on a running host, reloaded, which is
 * {@code nft -f} of the file: a restart would first run the unit's {@code nft flush ruleset} and take every table
 * away, the private network's too). Needs the nftables package. {@link NftRuleset} renders Vigil's.
 */
public record Nftables(String ruleset) implements Task {

    public Nftables {
        if (!ruleset.startsWith("#!/usr/sbin/nft -f\n")) {
            ruleset = "#!/usr/sbin/nft -f\n" + ruleset; // Debian's file is executable and starts so
        }
    }

    private static final String UNIT = "nftables.service";

    @Override
    public String name() {
        return "nftables ruleset";
    }

    @Override
    public Plan plan(TaskContext context) {
        ManagedFile file = ManagedFile.text("/etc/nftables.conf", ruleset, FileMeta.rootOwned(0755))
                .validatedBy(NftRuleset.CHECK);
        SystemdService service = SystemdService.existing(UNIT);
        Plan f = file.plan(context);
        boolean running = context.host().run("systemctl is-active " + UNIT).out().strip().equals("active");
        Plan reload = f.isEmpty() || !running ? Plan.none()
                : Plan.of("reloaded", () -> context.host().check("systemctl reload " + UNIT));
        return f.prefixed(file.name() + ": ").then(service.plan(context, false).then(reload)
                .prefixed(service.name() + ": "));
    }
}
