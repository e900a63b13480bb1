package dev.vigil.provisioning.role;

import dev.vigil.provisioning.config.SystemdUnit;
import dev.vigil.provisioning.config.SystemdUnit.Section;
import dev.vigil.provisioning.config.SystemdUnit.Setting;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.UnitDropIn;

import java.util.ArrayList;
import java.util.List;

/**
 * On a host of the private network, the services that listen on its WireGuard address (HAProxy's backends talk
 * to it, the app and PostgreSQL bind it) start after {@code wg-quick@wg0}: without the order, a reboot can start
 * PostgreSQL before the address exists, and it fails to bind.
 */
final class WireGuardOrdering {

    static final String UNIT = "wg-quick@wg0.service";
    static final SystemdUnit DROP_IN = SystemdUnit.of(Section.of("Unit",
            Setting.of("After", UNIT).because("it listens on this host's WireGuard address"),
            Setting.of("Wants", UNIT))).withHeader("Written by 'ops provision'; edits here are overwritten.");

    private WireGuardOrdering() {
    }

    static List<Task> tasks(Inventory inventory, Host host) {
        if (host.wireguard().isEmpty()) {
            return List.of();
        }
        List<String> units = new ArrayList<>();
        if (host.has(Role.LB)) {
            units.add("haproxy.service");
        }
        if (host.has(Role.APP)) {
            units.add(AppRecipe.SERVICE);
        }
        if (host.has(Role.DB)) {
            units.add(DbRecipe.service(inventory.settings().db().postgresqlVersion()));
        }
        return units.stream().<Task>map(u -> new UnitDropIn(u, "10-after-wireguard", DROP_IN)).toList();
    }
}
