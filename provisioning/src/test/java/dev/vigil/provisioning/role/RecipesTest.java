package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.Task;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecipesTest {

    private static final Inventory INVENTORY = InventoryLoader.parse(Path.of("/fleet/ops.yaml"), """
            domains: {app: vigil.example.com, ping: ping.example.com}
            roles:
              app: {java_heap: 768m, http_port: 8081}
              db: {postgresql_version: 16, shared_buffers: 1GB, max_connections: 300}
            hosts:
              - {name: app1, ipv4: 192.0.2.1, roles: [app]}
              - {name: db1, ipv4: 192.0.2.2, wireguard: 10.100.2.1, roles: [db]}
              - {name: lb1, ipv4: 192.0.2.3, roles: [lb]}
            """);

    private static List<Task> recipe(String host) {
        return Recipes.forHost(INVENTORY, INVENTORY.host(host).orElseThrow());
    }

    private static String file(List<Task> tasks, String path) {
        return tasks.stream().filter(t -> t instanceof ManagedFile f && f.path().equals(path))
                .map(t -> new String(((ManagedFile) t).content(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }

    @Test
    void everyHostGetsTheBaseRecipeFirst() {
        for (String h : List.of("app1", "db1", "lb1")) {
            assertThat(recipe(h).get(0).name()).isEqualTo("packages installed: cron tzdata ca-certificates");
            assertThat(file(recipe(h), "/etc/vigil/host.env")).startsWith("VIGIL_HOST=" + h + "\n");
        }
        assertThat(recipe("lb1")).extracting(Task::name).doesNotContain("service vigil.service");
    }

    @Test
    void appSettingsComeFromTheInventory() {
        assertThat(file(recipe("app1"), "/etc/vigil/app.env")).isEqualTo("""
                # Written by 'ops provision' from the inventory.
                JAVA_OPTS=-Xmx768m -XX:+UseSerialGC
                VIGIL_HTTP_PORT=8081
                VIGIL_SITE_ROOT=https://vigil.example.com
                VIGIL_PING_ENDPOINT=https://ping.example.com/
                """);
        assertThat(recipe("app1")).extracting(Task::name)
                .contains("packages installed: openjdk-17-jre-headless", "system user vigil", "service vigil.service");
    }

    @Test
    void dbListensOnLocalhostAndItsWireguardAddress() {
        assertThat(file(recipe("db1"), "/etc/postgresql/16/main/conf.d/vigil.conf")).isEqualTo("""
                # Written by 'ops provision' from the inventory; edits here are overwritten.
                listen_addresses = 'localhost,10.100.2.1'
                max_connections = 300
                shared_buffers = 1GB
                work_mem = 4MB
                """);
        assertThat(recipe("db1")).extracting(Task::name).contains("service postgresql@16-main.service");
    }

    @Test
    void taskNamesAreUniqueWithinARecipe() {
        for (String h : List.of("app1", "db1", "lb1")) {
            List<String> names = recipe(h).stream().map(Task::name).toList();
            assertThat(names).doesNotHaveDuplicates();
        }
    }
}
