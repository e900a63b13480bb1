package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/** A CA made for one test run and the ECDSA (P-256) and RSA (2048) server certificates it signs. */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final X500Name CA_NAME = new X500Name("CN=Vigil HAProxy test CA");

    private final KeyPair caKey = generate(KeyType.ECDSA);
    private final X509Certificate caCert;

    public TestCertificates() {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(CA_NAME, serial(),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(2, ChronoUnit.DAYS)), CA_NAME,
                    caKey.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            caCert = new JcaX509CertificateConverter().getCertificate(b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test CA", e);
        }
    }

    /** Writes HAProxy's {@code crt} file for {@code names}: certificate, CA certificate, private key. */
    public Path write(Path file, KeyType type, String... names) {
        return write(file, type, Duration.ofDays(1), names);
    }

    /** The same, for a certificate valid from an hour ago for {@code validity}. */
    public Path write(Path file, KeyType type, Duration validity, String... names) {
        try {
            KeyPair key = generate(type);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(CA_NAME, serial(),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(validity)),
                    new X500Name("CN=" + names[0]), key.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(Arrays.stream(names)
                    .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            X509CertificateHolder cert = b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(caKey.getPrivate()));
            Files.writeString(file, pem("CERTIFICATE", cert.getEncoded()) + pem("CERTIFICATE", caCert.getEncoded())
                    + pem("PRIVATE KEY", key.getPrivate().getEncoded()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a " + type + " certificate", e);
        }
    }

    /** A trust store holding only the test CA, for clients of the balancer under test. */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", caCert);
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Path writeCaPem(Path file) {
        try {
            Files.writeString(file, pem("CERTIFICATE", caCert.getEncoded()));
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(KeyType type) {
        return AcmeIssuer.newKey(type);
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static String pem(String label, byte[] der) {
        return Pem.encode(label, der);
    }
}
