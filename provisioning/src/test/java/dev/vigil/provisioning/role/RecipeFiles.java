package dev.vigil.provisioning.role;

import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.MemorySizedFile;
import dev.vigil.provisioning.task.Nftables;
import dev.vigil.provisioning.task.SystemdService;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.UnitDropIn;
import dev.vigil.provisioning.task.UserCrontab;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text files a recipe writes, by path without the leading slash (crontabs as {@code crontab/USER}); files
 * sized by the host's memory as rendered for {@value #MIB} MiB. Copied files (the ops jar) are not text.
 */
final class RecipeFiles {

    static final long MIB = 4096;

    private RecipeFiles() {
    }

    static Map<String, String> of(List<Task> recipe) {
        Map<String, String> files = new TreeMap<>();
        for (Task t : recipe) {
            if (t instanceof ManagedFile f) {
                files.put(f.path().substring(1), new String(f.content(), StandardCharsets.UTF_8));
            } else if (t instanceof MemorySizedFile f) {
                files.put(f.path().substring(1), f.content(MIB));
            } else if (t instanceof SystemdService s && s.unitFile().isPresent()) {
                files.put("etc/systemd/system/" + s.unit(), s.unitFile().get());
            } else if (t instanceof Nftables n) {
                files.put("etc/nftables.conf", n.ruleset());
            } else if (t instanceof UnitDropIn d) {
                files.put(d.path().substring(1), d.content().render());
            } else if (t instanceof UserCrontab c) {
                files.put("crontab/" + c.user(), c.rendered());
            }
        }
        return files;
    }
}
