package dev.vigil.wireguard.mesh;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.wireguard.key.PublicKeys;

import java.nio.file.Path;

/** The example fleet of docs/examples/private-network.yaml (2 lb, 3 app, 2 db, 1 watchdog), as the docs show it. */
final class ExampleFleet {

    static final Path INVENTORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("../docs/examples/private-network.yaml").normalize();

    private ExampleFleet() {
    }

    static Inventory inventory() {
        return InventoryLoader.load(INVENTORY);
    }

    static MeshRenderer renderer() {
        Inventory inv = inventory();
        return new MeshRenderer(Mesh.of(inv), PublicKeys.load(inv.network().keysFile()));
    }
}
