package dev.vigil.watchdog.dns.rfc2136;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

import java.util.Base64;
import java.util.List;

/**
 * A TSIG key as {@code tsig-keygen} prints it: a name, an algorithm and a base64 secret. {@link #toString()}
 * never shows the secret.
 */
public final class TsigKey {

    public static final List<String> ALGORITHMS = List.of("hmac-sha256", "hmac-sha384", "hmac-sha512",
            "hmac-sha224", "hmac-sha1");

    private final String name;
    private final String algorithm;
    private final byte[] secret;

    public TsigKey(String name, String algorithm, String base64Secret) {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("unknown TSIG algorithm \"" + algorithm + "\"; use one of "
                    + String.join(", ", ALGORITHMS));
        }
        try {
            Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a valid TSIG key name: \"" + name + "\"");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64Secret.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the TSIG secret is not valid base64 (copy the secret \"...\" "
                    + "value that tsig-keygen printed)");
        }
        if (decoded.length < 16) {
            throw new IllegalArgumentException("the TSIG secret is only " + decoded.length + " bytes; "
                    + "tsig-keygen makes 32 or more");
        }
        this.name = name;
        this.algorithm = algorithm;
        this.secret = decoded;
    }

    TSIG tsig() {
        try {
            return new TSIG(Name.fromString(algorithm, Name.root), Name.fromString(name, Name.root), secret.clone());
        } catch (TextParseException e) {
            throw new IllegalStateException(e); // both were checked in the constructor
        }
    }

    @Override
    public String toString() {
        return name + " (" + algorithm + ")";
    }
}
