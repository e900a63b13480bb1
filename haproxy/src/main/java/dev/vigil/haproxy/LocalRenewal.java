package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 * one. Each due file is ordered on its own (one failed order does not stop the others); the new ones are written
 * over the old (atomically, 0600), the configuration is checked with them (the old files come back if it fails),
 * HAProxy reloads with its server states, and what it serves is checked. Every run also compares what is served
 * with the files, so a reload that failed after a renewal is done by the next run rather than forgotten.
 */
public final class LocalRenewal {

    /** The balancer this runs on: its runtime API (for the tokens), its configuration check and its reload. */
    public interface Balancer {
        LoadBalancer runtime();

        /** {@code haproxy -c} of the installed configuration with the files as they are now; throws if refused. */
        void check();

        void reload();
    }

    private record Written(RenewalPlan.Certificate certificate, Optional<String> previous) {
    }

    private LocalRenewal() {
    }

    /** The files of {@code plan} whose installed certificate is missing, unreadable or due ({@link RenewalPlan#due}). */
    public static List<RenewalPlan.Certificate> due(RenewalPlan plan, Instant now, PrintWriter out) {
        List<RenewalPlan.Certificate> due = new ArrayList<>();
        for (RenewalPlan.Certificate c : plan.certificates()) {
            Optional<Instant> notAfter = installed(c.file());
            boolean renew = notAfter.map(t -> plan.due(t, now)).orElse(true);
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
     * Renews what is {@link #due}; reloads once when anything was written or a file is newer than what is served;
     * then checks that every name is served with each key type and more than the plan's renewal days left. False
     * when an order failed, the configuration refused the new files, or what is served is not right.
     */
    public static boolean run(RenewalPlan plan, KeyPair account, Balancer lb, Instant now, Duration orderTimeout,
                              PrintWriter out) {
        List<RenewalPlan.Certificate> due = due(plan, now, out);
        List<Written> written = new ArrayList<>();
        boolean ok = true;
        if (due.isEmpty()) {
            progress(out, "no certificate is due: each expires more than " + plan.renewDays() + " days from now");
        } else {
            AcmeIssuer issuer = new AcmeIssuer(plan.directory(), plan.email(), account, List.of(lb.runtime()),
                    plan.placement().acmeChallenges(), orderTimeout);
            for (RenewalPlan.Certificate c : due) {
                Optional<String> previous = read(c.file());
                LbCertificate file = new LbCertificate(Path.of(c.file()), c.keyType(), c.names(),
                        previous.flatMap(CertificateFile::notAfter).orElse(now));
                try {
                    CertificateRenewal.renew(List.of(file), issuer, line -> progress(out, line));
                    written.add(new Written(c, previous));
                } catch (RuntimeException e) {
                    ok = false;
                    progress(out, "FAILED " + c.file() + ": " + e.getMessage() + " (the old file stays)");
                }
            }
        }
        List<String> names = plan.certificates().stream().flatMap(c -> c.names().stream()).distinct()
                .filter(n -> !n.startsWith("*.")).toList();
        Duration left = Duration.ofDays(plan.renewDays());
        CertificateSurvey.Report served = CertificateSurvey.survey(Map.of(plan.host(), plan.served()), names,
                Instant.now(), left);
        List<String> stale = stale(plan, served);
        stale.forEach(f -> progress(out, f + " is newer than what HAProxy serves (a reload that did not happen)"));
        if (!written.isEmpty() || !stale.isEmpty()) {
            try {
                lb.check();
            } catch (RuntimeException e) {
                written.forEach(LocalRenewal::restore);
                progress(out, "FAILED: the configuration does not load with the new files (" + e.getMessage()
                        + "); the previous files are back and HAProxy was not reloaded");
                return false;
            }
            try {
                lb.reload();
                progress(out, "reloaded HAProxy with its server states");
            } catch (RuntimeException e) {
                progress(out, "FAILED: the reload: " + e.getMessage() + " (the next run tries again)");
                return false;
            }
            served = CertificateSurvey.survey(Map.of(plan.host(), plan.served()), names, Instant.now(), left);
        }
        out.print(served.table());
        out.flush();
        return ok && served.ok();
    }

    /** The files whose certificate expires later than the one served for their first name and key type. */
    private static List<String> stale(RenewalPlan plan, CertificateSurvey.Report served) {
        List<String> stale = new ArrayList<>();
        for (RenewalPlan.Certificate c : plan.certificates()) {
            Optional<Instant> file = installed(c.file());
            Optional<String> name = c.names().stream().filter(n -> !n.startsWith("*.")).findFirst();
            if (file.isEmpty() || name.isEmpty()) {
                continue;
            }
            KeyType type = c.keyType();
            served.rows().stream().filter(r -> r.name().equals(name.get()) && r.type() == type).findFirst()
                    .flatMap(CertificateSurvey.Row::notAfter)
                    .filter(s -> s.isBefore(file.get().minusSeconds(1)))
                    .ifPresent(s -> stale.add(c.file()));
        }
        return stale;
    }

    private static void restore(Written w) {
        Path file = Path.of(w.certificate().file());
        try {
            if (w.previous().isPresent()) {
                CertificateRenewal.writePrivate(file, w.previous().get());
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot put back " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file), StandardCharsets.US_ASCII));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> installed(String file) {
        return read(file).flatMap(CertificateFile::notAfter);
    }

    private static void progress(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }
}
