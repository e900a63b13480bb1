package dev.vigil.provisioning.inventory;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The watchdog's copy of the inventory: the operator's text without the certificate files, and it loads. */
class InventoryCopyTest {

    private static final Path WATCHDOG = Path.of("/etc/vigil/ops.yaml"); // where no certificate file is

    private static final String TEXT = """
            # the fleet
            domains: {app: vigil.example.com, ping: hc-ping.example.com}
            roles:
              lb:
                max_connections: 2048      # a comment that stays
                certificates:
                  - {ecdsa: certs/app-ecdsa.pem, rsa: certs/app-rsa.pem}
                  # the ping domain
                  - ecdsa: certs/ping-ecdsa.pem
                    rsa: certs/ping-rsa.pem

                health_check: {inter: 1s}
            hosts:
              - {name: lb1, ipv4: 192.0.2.3, roles: [lb]}
              - {name: ops1, ipv4: 192.0.2.9, roles: [watchdog]}
            """;

    @Test
    void theCopyLeavesOutOnlyTheCertificatesAndLoadsWhereTheFilesAreNot() {
        assertThatThrownBy(() -> InventoryLoader.parse(WATCHDOG, TEXT)).as("the original needs the files")
                .hasMessageContaining("does not exist");
        String copy = InventoryCopy.withoutLbCertificates(WATCHDOG, TEXT);
        assertThat(copy).isEqualTo("""
                # the fleet
                domains: {app: vigil.example.com, ping: hc-ping.example.com}
                roles:
                  lb:
                    max_connections: 2048      # a comment that stays

                    health_check: {inter: 1s}
                hosts:
                  - {name: lb1, ipv4: 192.0.2.3, roles: [lb]}
                  - {name: ops1, ipv4: 192.0.2.9, roles: [watchdog]}
                """);
        Inventory inventory = InventoryLoader.parse(WATCHDOG, copy);
        assertThat(inventory.settings().lb().certificates()).isEmpty();
        assertThat(inventory.settings().lb().maxConnections()).isEqualTo(2048);
        assertThat(inventory.hosts()).hasSize(2);
    }

    @Test
    void aListAtTheKeysColumnAndNoListAtAll() {
        String sameColumn = "roles:\n  lb:\n    certificates:\n    - {ecdsa: a.pem, rsa: b.pem}\n    max_connections: 9\n"
                + "hosts:\n  - {name: lb1, ipv4: 192.0.2.3, roles: [lb]}\n";
        assertThat(InventoryCopy.withoutLbCertificates(WATCHDOG, sameColumn))
                .isEqualTo("roles:\n  lb:\n    max_connections: 9\nhosts:\n  - {name: lb1, ipv4: 192.0.2.3, roles: [lb]}\n");
        String none = "hosts:\n  - {name: lb1, ipv4: 192.0.2.3, roles: [lb]}\n";
        assertThat(InventoryCopy.withoutLbCertificates(WATCHDOG, none)).isSameAs(none);
        assertThatThrownBy(() -> InventoryCopy.withoutLbCertificates(WATCHDOG,
                "roles: {lb: {certificates: [{ecdsa: a.pem, rsa: b.pem}]}}\nhosts: []\n"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("block mapping");
    }
}
