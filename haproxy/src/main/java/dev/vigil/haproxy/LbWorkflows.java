package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;
import dev.vigil.table.TextTable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the {@code ops lb} commands do, as plain Java over the inventory. */
public final class LbWorkflows {

    private LbWorkflows() {
    }

    /** The configuration of load balancer {@code host}, built from the inventory and passed by haproxy -c. */
    public static String render(Inventory inventory, String host) {
        return HaproxyValidator.validated(HaproxyConfigs.forHost(inventory, host));
    }

    /** Certificates with less time left than this make {@code ops lb certs} fail. */
    public static final Duration RENEW_WARNING = Duration.ofDays(14);

    /**
     * The inventory's certificate files, soonest expiry first, as a table (file, key type, names, expiry, days
     * left); {@code ok} is false when one has less than {@link #RENEW_WARNING} left.
     */
    public static CertificateReport certificates(Inventory inventory, Instant now) {
        List<LbCertificate> certs = new ArrayList<>(inventory.settings().lb().certificates());
        if (certs.isEmpty()) {
            throw new LbConfigException("roles.lb.certificates lists no certificate files in " + inventory.file());
        }
        certs.sort(Comparator.comparing(LbCertificate::notAfter));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("FILE", "KEY", "NAMES", "EXPIRES", "DAYS LEFT"));
        boolean ok = true;
        for (LbCertificate c : certs) {
            long days = Duration.between(now, c.notAfter()).toDays();
            ok &= Duration.between(now, c.notAfter()).compareTo(RENEW_WARNING) >= 0;
            rows.add(List.of(inventory.file().toAbsolutePath().getParent().relativize(c.file()).toString(),
                    c.keyType().id(), String.join(",", c.names()),
                    c.notAfter().truncatedTo(ChronoUnit.SECONDS).toString(), Long.toString(days)));
        }
        return new CertificateReport(TextTable.render(rows), ok);
    }

    public record CertificateReport(String table, boolean ok) {
    }
}
