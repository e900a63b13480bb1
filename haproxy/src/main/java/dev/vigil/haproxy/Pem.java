package dev.vigil.haproxy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text of DER bytes, the form OpenSSL (and so HAProxy) reads. */
final class Pem {

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
