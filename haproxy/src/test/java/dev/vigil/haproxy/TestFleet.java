package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.RoleSettings.KeyType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Inventories of {@code lbs} load balancers and {@code apps} app servers, written into a folder with the
 * certificate files they name (ECDSA and RSA for the app domain and for the ping domain).
 */
public final class TestFleet {

    public static final String APP_DOMAIN = "vigil.example.com";
    public static final String PING_DOMAIN = "hc-ping.example.com";

    private TestFleet() {
    }

    /** Writes the certificate files into {@code dir/certs}; the same files serve every inventory in dir. */
    public static void writeCertificates(Path dir, TestCertificates ca) {
        try {
            Files.createDirectories(dir.resolve("certs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (KeyType t : KeyType.values()) {
            ca.write(dir.resolve("certs/app-" + t.id() + ".pem"), t, APP_DOMAIN);
            ca.write(dir.resolve("certs/ping-" + t.id() + ".pem"), t, PING_DOMAIN);
        }
    }

    public static String yaml(int lbs, int apps, String lbSettings) {
        StringBuilder b = new StringBuilder("""
                domains:
                  app: %s
                  ping: %s
                roles:
                  app: {http_port: 8080, ping_port: 8081}
                  lb:
                %s    certificates:
                      - {ecdsa: certs/app-ecdsa.pem, rsa: certs/app-rsa.pem}
                      - {ecdsa: certs/ping-ecdsa.pem, rsa: certs/ping-rsa.pem}
                hosts:
                """.formatted(APP_DOMAIN, PING_DOMAIN, lbSettings.indent(4)));
        for (int i = 1; i <= lbs; i++) {
            b.append("  - {name: lb").append(i).append(", ipv4: 203.0.113.").append(10 + i)
                    .append(", ipv6: \"2001:db8::").append(10 + i).append("\", wireguard: 10.100.0.").append(i)
                    .append(", roles: [lb]}\n");
        }
        for (int i = 1; i <= apps; i++) {
            b.append("  - {name: app").append(i).append(", ipv4: 203.0.113.").append(20 + i)
                    .append(", wireguard: 10.100.1.").append(i).append(", roles: [app]}\n");
        }
        b.append("  - {name: db1, ipv4: 203.0.113.30, wireguard: 10.100.2.1, roles: [db]}\n");
        return b.toString();
    }

    public static Inventory inventory(Path dir, int lbs, int apps) {
        return InventoryLoader.parse(dir.resolve("ops.yaml"), yaml(lbs, apps, ""));
    }
}
