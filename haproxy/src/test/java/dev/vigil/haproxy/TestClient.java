package dev.vigil.haproxy;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request per connection, from a chosen source address to a chosen balancer address, with the
 * Host header and TLS server name the test says: the JDK's HTTP client can set neither without DNS. TLS trusts
 * only the test CA and checks the certificate against the server name.
 */
final class TestClient {

    private final SSLContext tls;

    TestClient(KeyStore trust) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, Map<String, String> headers, String body, Certificate serverCertificate) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What TLS to speak: none, or this server name with these protocols and cipher suites (null: defaults). */
    record Tls(String serverName, List<String> protocols, List<String> cipherSuites) {
        static Tls sni(String name) {
            return new Tls(name, null, null);
        }
    }

    Response get(InetAddress source, InetSocketAddress to, Tls tlsSettings, String host, String path,
                 Map<String, String> headers) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setSoTimeout(10_000);
            if (source != null) {
                plain.bind(new InetSocketAddress(source, 0));
            }
            plain.connect(to, 5_000);
            Socket s = plain;
            if (tlsSettings != null) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                        tlsSettings.serverName() == null ? to.getHostString() : tlsSettings.serverName(),
                        to.getPort(), true);
                SSLParameters p = ssl.getSSLParameters();
                p.setServerNames(tlsSettings.serverName() == null ? List.of()
                        : List.of(new SNIHostName(tlsSettings.serverName())));
                p.setEndpointIdentificationAlgorithm(tlsSettings.serverName() == null ? null : "HTTPS");
                if (tlsSettings.protocols() != null) {
                    p.setProtocols(tlsSettings.protocols().toArray(String[]::new));
                }
                if (tlsSettings.cipherSuites() != null) {
                    p.setCipherSuites(tlsSettings.cipherSuites().toArray(String[]::new));
                }
                ssl.setSSLParameters(p);
                ssl.startHandshake();
                s = ssl;
            }
            StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = s.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Certificate cert = s instanceof SSLSocket ssl ? ssl.getSession().getPeerCertificates()[0] : null;
            return parse(s.getInputStream(), cert);
        } finally {
            plain.close();
        }
    }

    private static Response parse(InputStream in, Certificate cert) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) >= 0; ) {
            all.write(buf, 0, n);
            if (all.size() > 1 << 20) {
                throw new IOException("response larger than 1 MiB");
            }
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new IOException("not an HTTP response: " + text.substring(0, Math.min(80, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4), cert);
    }
}
