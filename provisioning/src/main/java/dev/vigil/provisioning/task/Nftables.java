package dev.vigil.provisioning.task;

import dev.vigil.provisioning.config.NftRuleset;
import dev.vigil.provisioning.remote.FileMeta;


/**
 * The firewall as one ruleset in /etc/nftables.conf, checked with {@code nft -c} before it is written, loaded by
 * Debian's nftables.service (enabled, and restarted when the ruleset changes). Needs the nftables package.
 * The ruleset is text: {@link NftRuleset} renders Vigil's.
 */
public record Nftables(String ruleset) implements Task {

    public Nftables {
        if (!ruleset.startsWith("#!/usr/sbin/nft -f\n")) {
            ruleset = "#!/usr/sbin/nft -f\n" + ruleset; // Debian's file is executable and starts so
        }
    }

    @Override
    public String name() {
        return "nftables ruleset";
    }

    @Override
    public Plan plan(TaskContext context) {
        ManagedFile file = ManagedFile.text("/etc/nftables.conf", ruleset, FileMeta.rootOwned(0755))
                .validatedBy(NftRuleset.CHECK);
        SystemdService service = SystemdService.existing("nftables.service");
        Plan f = file.plan(context);
        return f.prefixed(file.name() + ": ").then(service.plan(context, !f.isEmpty()).prefixed(service.name() + ": "));
    }
}
