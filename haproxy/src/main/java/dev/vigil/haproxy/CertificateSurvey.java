package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;
import dev.vigil.table.TextTable;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every balancer serves for every public name and key type ({@link ServedCertificates}), judged: the right
 * key type, a certificate that covers the name, and how long it has left. {@code ops lb certs} prints it, and
 * {@code ops lb renew} decides from it what to renew.
 */
public final class CertificateSurvey {

    /** How long one handshake may take before the balancer counts as not answering. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One balancer, name and key type: the served certificate's expiry, or why there is none worth the name. */
    public record Row(String balancer, String name, KeyType type, Optional<Instant> notAfter,
                      Optional<String> problem) {

        /** Whether this certificate must be replaced at {@code now}: a problem, or within the renewal window. */
        public boolean dueAt(Instant now) {
            return problem.isPresent() || AcmeIssuer.dueForRenewal(notAfter.orElseThrow(), now);
        }
    }

    /** The rows, and whether every certificate is right and has at least {@code warning} left. */
    public record Report(List<Row> rows, String table, boolean ok) {
    }

    private CertificateSurvey() {
    }

    /** Asks each balancer ({@code name → TLS address}) for each of {@code names} with each key type. */
    public static Report survey(Map<String, InetSocketAddress> balancers, List<String> names, Instant now,
                                Duration warning) {
        List<Row> rows = new ArrayList<>();
        balancers.forEach((balancer, address) -> {
            for (String name : names) {
                for (KeyType type : KeyType.values()) {
                    rows.add(row(balancer, address, name, type));
                }
            }
        });
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("BALANCER", "NAME", "KEY", "EXPIRES", "DAYS LEFT", "PROBLEM"));
        boolean ok = true;
        for (Row r : rows) {
            boolean soon = r.notAfter().map(t -> Duration.between(now, t).compareTo(warning) < 0).orElse(true);
            ok &= r.problem().isEmpty() && !soon;
            table.add(List.of(r.balancer(), r.name(), r.type().id(),
                    r.notAfter().map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-"),
                    r.notAfter().map(t -> Long.toString(Duration.between(now, t).toDays())).orElse("-"),
                    r.problem().orElse(soon ? "less than " + warning.toDays() + " days left" : "")));
        }
        return new Report(List.copyOf(rows), TextTable.render(table), ok);
    }

    private static Row row(String balancer, InetSocketAddress address, String name, KeyType type) {
        X509Certificate cert;
        try {
            cert = ServedCertificates.fetch(address, name, type, TIMEOUT);
        } catch (IOException e) {
            return new Row(balancer, name, type, Optional.empty(), Optional.of("no TLS handshake with " + address + ": "
                    + e.getMessage()));
        }
        Optional<Instant> notAfter = Optional.of(cert.getNotAfter().toInstant());
        if (!cert.getPublicKey().getAlgorithm().equals(type.keyAlgorithm())) {
            return new Row(balancer, name, type, notAfter, Optional.of("served an "
                    + cert.getPublicKey().getAlgorithm() + " certificate"));
        }
        List<String> dns = LbCertificate.dnsNames(cert);
        if (!LbCertificate.covers(dns, name)) {
            return new Row(balancer, name, type, notAfter, Optional.of("the served certificate is for " + dns));
        }
        return new Row(balancer, name, type, notAfter, Optional.empty());
    }
}
