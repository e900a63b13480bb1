package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.KeyType;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The certificate a balancer actually serves for a name and key type, read from a TLS handshake (the JDK's own
 * client): TLS 1.2 with only ECDHE-ECDSA or only ECDHE-RSA suites offered, as an ECDSA-capable or an RSA-only
 * client would, and the name as SNI. The chain is read, never trusted: this is an inspection, not a connection
 * that carries data. What the files on disk say is another question; clients see this.
 */
public final class ServedCertificates {

    private static final List<String> ECDSA_SUITES = List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final List<String> RSA_SUITES = List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private ServedCertificates() {
    }

    /**
     * The leaf certificate served at {@code address} to a client asking for {@code name} with {@code type}
     * suites only; an {@link IOException} names what went wrong (nothing listening, no shared suite, a timeout).
     */
    public static X509Certificate fetch(InetSocketAddress address, String name, KeyType type, Duration timeout)
            throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLSv1.2");
            context.init(null, new X509TrustManager[]{new ReadOnly()}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no TLS 1.2 client", e);
        }
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SSLParameters p = socket.getSSLParameters();
            p.setProtocols(new String[]{"TLSv1.2"});
            p.setCipherSuites((type == KeyType.ECDSA ? ECDSA_SUITES : RSA_SUITES).toArray(String[]::new));
            p.setServerNames(List.of(new SNIHostName(name)));
            socket.setSSLParameters(p);
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            return (X509Certificate) chain[0];
        }
    }

    /** Accepts any chain: the caller reads the certificate and judges it by its names, type and expiry. */
    private static final class ReadOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // inspected, not trusted: no data crosses this connection
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
