package dev.vigil.app.it;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A WebAuthn authenticator in a few lines, for tests that must answer for an origin a browser would never sign
 * for: one ES256 key (a JDK EC key on P-256), attestation "none", its client data, authenticator data and CBOR
 * written by hand from the WebAuthn spec (section 6.1 authenticator data, 6.5 attestation object, RFC 8152 COSE
 * key), so that nothing of the server's library makes them. Fields come out base64url, as the pages' forms take
 * them.
 */
final class SoftAuthenticator {

    /** A registration's answer: the form fields {@code client_data} and {@code attestation}. */
    record Registration(String clientData, String attestation) {
    }

    /** An assertion's answer: the form fields of the login's second step. */
    record Assertion(String credentialId, String clientData, String authenticatorData, String signature) {
    }

    private static final int USER_PRESENT = 0x01;
    private static final int USER_VERIFIED = 0x04;
    private static final int ATTESTED_DATA = 0x40;

    private final KeyPair key;
    private final byte[] credentialId = new byte[16];

    SoftAuthenticator() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        key = generator.generateKeyPair();
        new SecureRandom().nextBytes(credentialId);
    }

    String credentialId() {
        return b64(credentialId);
    }

    /** The answer to {@code navigator.credentials.create} for {@code challenge} (base64url), as if from {@code origin}. */
    Registration register(String rpId, String challenge, String origin) throws GeneralSecurityException {
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(USER_PRESENT | USER_VERIFIED | ATTESTED_DATA);
        authData.writeBytes(ByteBuffer.allocate(4).putInt(0).array());
        authData.writeBytes(new byte[16]); // AAGUID: none
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        Cbor attestation = new Cbor().map(3).text("fmt").text("none").text("attStmt").map(0)
                .text("authData").bytes(authData.toByteArray());
        return new Registration(b64(clientData("webauthn.create", challenge, origin)), b64(attestation.toBytes()));
    }

    /** The answer to {@code navigator.credentials.get} for {@code challenge}, as if from {@code origin}. */
    Assertion assertion(String rpId, String challenge, String origin, int counter) throws GeneralSecurityException {
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(USER_PRESENT | USER_VERIFIED);
        authData.writeBytes(ByteBuffer.allocate(4).putInt(counter).array());
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        Signature signer = Signature.getInstance("SHA256withECDSA"); // DER, as WebAuthn's ES256 signatures are
        signer.initSign(key.getPrivate());
        signer.update(authData.toByteArray());
        signer.update(sha256(clientData));
        return new Assertion(b64(credentialId), b64(clientData), b64(authData.toByteArray()), b64(signer.sign()));
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    /** The public key as a COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y. */
    private byte[] coseKey() {
        ECPublicKey pub = (ECPublicKey) key.getPublic();
        return new Cbor().map(5).integer(1).integer(2).integer(3).integer(-7).integer(-1).integer(1)
                .integer(-2).bytes(coordinate(pub.getW().getAffineX()))
                .integer(-3).bytes(coordinate(pub.getW().getAffineY())).toBytes();
    }

    private static byte[] coordinate(BigInteger v) {
        byte[] raw = v.toByteArray(); // big-endian, perhaps with a sign byte or shorter than 32
        byte[] fixed = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, fixed, 32 - n, n);
        return fixed;
    }

    private static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The few CBOR items (RFC 8949) these answers need: integers, byte and text strings, maps. */
    private static final class Cbor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Cbor integer(long v) {
            return v >= 0 ? head(0, v) : head(1, -1 - v);
        }

        Cbor bytes(byte[] b) {
            head(2, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head(3, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor map(int pairs) {
            return head(5, pairs);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private Cbor head(int major, long n) {
            if (n < 24) {
                out.write(major << 5 | (int) n);
            } else if (n < 0x100) {
                out.write(major << 5 | 24);
                out.write((int) n);
            } else if (n < 0x10000) {
                out.write(major << 5 | 25);
                out.writeBytes(ByteBuffer.allocate(2).putShort((short) n).array());
            } else {
                out.write(major << 5 | 26);
                out.writeBytes(Arrays.copyOfRange(ByteBuffer.allocate(8).putLong(n).array(), 4, 8));
            }
            return this;
        }
    }
}
