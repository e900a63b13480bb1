package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ops lb renew --local}: a balancer renews its own certificate files from cron, with no inventory and no
 * login anywhere. HTTP-01 tokens go only into this balancer's challenge map; when the CA's resolver picks another
 * balancer, that one relays the request around the ring ({@link HaproxyConfig.AcmeRelay}) until it reaches this
 * one. Each due file is ordered on its own (one failed order does not stop the others), the new ones are written
 * over the old (atomically, 0600), HAProxy reloads with its server states, and what it serves is checked.
 */
public final class LocalRenewal {

    /** The balancer this runs on: its runtime API (for the tokens) and its reload. */
    public interface Balancer {
        LoadBalancer runtime();

        void reload();
    }

    private LocalRenewal() {
    }

    /** The files of {@code plan} whose installed certificate is missing, unreadable or within 30 days of expiry. */
    public static List<RenewalPlan.Certificate> due(RenewalPlan plan, Instant now, PrintWriter out) {
        List<RenewalPlan.Certificate> due = new ArrayList<>();
        for (RenewalPlan.Certificate c : plan.certificates()) {
            Optional<Instant> notAfter = installed(c.file());
            boolean renew = notAfter.map(t -> AcmeIssuer.dueForRenewal(t, now)).orElse(true);
            out.println(c.file() + ": " + notAfter.map(t -> "expires " + t).orElse("no readable certificate")
                    + (renew ? ", due" : ", not due"));
            if (renew) {
                due.add(c);
            }
        }
        out.flush();
        return due;
    }

    /**
     * Renews what is {@link #due}, reloads once if anything was written, and checks that the balancer serves each
     * new certificate. False when an order failed or a renewed name is not served with more than 30 days left.
     */
    public static boolean run(RenewalPlan plan, KeyPair account, Balancer lb, Instant now, Duration orderTimeout,
                              PrintWriter out) {
        List<RenewalPlan.Certificate> due = due(plan, now, out);
        if (due.isEmpty()) {
            out.println("no certificate is due: each expires more than " + AcmeIssuer.RENEW_BEFORE.toDays()
                    + " days from now");
            out.flush();
            return true;
        }
        AcmeIssuer issuer = new AcmeIssuer(plan.directory(), plan.email(), account, List.of(lb.runtime()),
                plan.placement().acmeChallenges(), orderTimeout);
        List<RenewalPlan.Certificate> written = new ArrayList<>();
        boolean ok = true;
        for (RenewalPlan.Certificate c : due) {
            LbCertificate file = new LbCertificate(Path.of(c.file()), c.keyType(), c.names(), Instant.EPOCH);
            try {
                CertificateRenewal.renew(List.of(file), issuer, line -> progress(out, line));
                written.add(c);
            } catch (RuntimeException e) {
                ok = false;
                progress(out, "FAILED " + c.file() + ": " + e.getMessage() + " (the old file stays)");
            }
        }
        if (written.isEmpty()) {
            return false;
        }
        lb.reload();
        progress(out, "reloaded HAProxy with its server states");
        List<String> names = written.stream().flatMap(c -> c.names().stream()).distinct()
                .filter(n -> !n.startsWith("*.")).toList();
        CertificateSurvey.Report served = CertificateSurvey.survey(Map.of(plan.host(), plan.served()), names,
                Instant.now(), AcmeIssuer.RENEW_BEFORE);
        out.print(served.table());
        out.flush();
        return ok && served.ok();
    }

    private static Optional<Instant> installed(String file) {
        try {
            return CertificateFile.notAfter(Files.readString(Path.of(file), java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void progress(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }
}
