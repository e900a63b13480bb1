package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A host's recipe as the scheduled-job tests read it: the tasks, and the text of one of its files. */
final class Recipe {

    private Recipe() {
    }

    /** {@code host}'s tasks with {@code secrets} and a stand-in ops jar written in {@code dir}. */
    static List<Task> of(Path dir, Inventory inv, String host, Secrets secrets) throws IOException {
        return Recipes.forHost(inv, inv.host(host).orElseThrow(), new RecipeInputs(secrets,
                Optional.of(Files.write(dir.resolve("ops.jar"), new byte[]{1}))));
    }

    static String file(List<Task> tasks, String path) {
        return tasks.stream().filter(t -> t instanceof ManagedFile m && m.path().equals(path))
                .map(t -> new String(((ManagedFile) t).content(), StandardCharsets.UTF_8)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + path));
    }
}
