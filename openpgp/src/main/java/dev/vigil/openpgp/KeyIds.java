package dev.vigil.openpgp;

import java.util.HexFormat;
import java.util.Locale;

/** Key ids and fingerprints spelled the way {@code gpg} prints them. */
final class KeyIds {

    private KeyIds() {
    }

    static String keyId(long id) {
        return String.format(Locale.ROOT, "%016X", id);
    }

    static String fingerprint(byte[] fingerprint) {
        return HexFormat.of().withUpperCase().formatHex(fingerprint);
    }
}
