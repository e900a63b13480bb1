package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;
import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.Shell;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.Plan;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.TaskContext;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * A balancer's certificate file, installed from the inventory's file unless the host already has one that
 * expires later: a certificate renewed from another machine ({@code ops lb renew} on the watchdog, say) is never
 * replaced by an older copy. Only the certificate part of the host's file is read (the private key stays there).
 */
public record CertificateFile(String path, LbCertificate certificate, byte[] content) implements Task {

    @Override
    public String name() {
        return "file " + path;
    }

    @Override
    public Plan plan(TaskContext context) {
        Optional<Instant> installed = installedNotAfter(context);
        if (installed.isPresent() && installed.get().isAfter(certificate.notAfter())) {
            return Plan.none(); // the host's is newer: keep it
        }
        return asFile().plan(context);
    }

    /** The file as a plain managed file (mode 0600, contents never shown in a diff). */
    public ManagedFile asFile() {
        // the master process reads them as root before it starts workers: nobody else needs to
        return new ManagedFile(path, content, FileMeta.rootOwned(0600), true);
    }

    private Optional<Instant> installedNotAfter(TaskContext context) {
        CommandResult r = context.host().run("test -f " + Shell.quote(path) + " || exit 3; sed -n "
                + "'/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/{p;/-----END CERTIFICATE-----/q}' "
                + Shell.quote(path));
        if (r.exitStatus() == 3) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot read the certificate in " + path + ": " + r.summary());
        }
        return notAfter(r.out()); // not a certificate: replace it
    }

    /**
     * When the first certificate of PEM text {@code pem} expires; empty when it holds none. HAProxy's files put
     * the certificate first, then its chain, then the key; only the first block is read.
     */
    static Optional<Instant> notAfter(String pem) {
        int begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
        int end = pem.indexOf("-----END CERTIFICATE-----", Math.max(begin, 0));
        if (begin < 0 || end < 0) {
            return Optional.empty();
        }
        String block = pem.substring(begin, end + "-----END CERTIFICATE-----".length()) + "\n";
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)));
            return Optional.of(cert.getNotAfter().toInstant());
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }
}
