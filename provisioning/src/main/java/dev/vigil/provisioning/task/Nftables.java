package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.FileMeta;

import java.util.ArrayList;
import java.util.List;

/**
 * The firewall as one ruleset in /etc/nftables.conf, checked with {@code nft -c} before it is written, loaded by
 * Debian's nftables.service (enabled, and restarted when the ruleset changes). Needs the nftables package.
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
    public TaskResult apply(TaskContext context) {
        ManagedFile file = ManagedFile.text("/etc/nftables.conf", ruleset, FileMeta.rootOwned(0755))
                .validatedBy("nft -c -f /dev/stdin");
        SystemdService service = SystemdService.existing("nftables.service", file);
        List<String> done = new ArrayList<>();
        String diff = null;
        for (Task part : List.of(file, service)) {
            TaskResult r = part.apply(context);
            context.record(r);
            if (r.status() == TaskStatus.FAILED) {
                return new TaskResult(name(), TaskStatus.FAILED, part.name() + ": " + r.message(), r.diff());
            }
            if (r.changed()) {
                done.add(part.name() + ": " + r.message());
                diff = diff == null ? r.diff().orElse(null) : diff;
            }
        }
        return done.isEmpty() ? TaskResult.ok(this) : TaskResult.changed(this, String.join("; ", done), diff);
    }
}
