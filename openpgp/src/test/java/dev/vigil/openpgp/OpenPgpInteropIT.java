package dev.vigil.openpgp;

import dev.vigil.testsupport.Gpg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static dev.vigil.testsupport.Gpg.OPERATOR;
import static dev.vigil.testsupport.Gpg.OPERATOR_PASSPHRASE;
import static dev.vigil.testsupport.Gpg.OTHER;
import static dev.vigil.testsupport.Gpg.OTHER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vigil's OpenPGP against the real GnuPG, both ways. */
class OpenPgpInteropIT {

    private final Gpg gpg = Gpg.shared();

    @TempDir
    Path dir;

    @Test
    void gpgDecryptsWhatVigilEncrypts() throws Exception {
        byte[] plain = randomBytes(300_000);
        Encryptor encryptor = Encryptor.forKeyFiles(List.of(gpg.publicKey(OPERATOR)));
        Path file = dir.resolve("backup.dump.pgp");
        Files.write(file, encrypt(encryptor, plain));

        Gpg.Result result = gpg.decrypt(file, OPERATOR_PASSPHRASE);

        assertThat(result.stdout()).isEqualTo(plain);
        // DECRYPTION_INFO <mdc method> <cipher>: 2 = SHA-1 MDC (SEIPD v1), 9 = AES-256
        assertThat(result.stderr()).contains("[GNUPG:] DECRYPTION_INFO 2 9").contains("[GNUPG:] GOODMDC");
        assertThat(encryptor.recipients()).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo(OPERATOR);
            assertThat(result.stderr()).contains("ENC_TO " + r.keyId());
        });
    }

    @Test
    void vigilDecryptsWhatGpgEncrypts() throws Exception {
        byte[] plain = ("pg_dump archive with ümlauts and ✓\n".repeat(5000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path in = dir.resolve("plain.bin");
        Path out = dir.resolve("plain.bin.gpg");
        Files.write(in, plain);
        gpg.encrypt(in, out, OPERATOR); // gpg compresses by default: the decryptor must see through it

        for (Path key : List.of(gpg.secretKey(OPERATOR, OPERATOR_PASSPHRASE),
                gpg.secretKeyBinary(OPERATOR, OPERATOR_PASSPHRASE))) {
            Decryptor decryptor = Decryptor.fromKeyFile(key, OPERATOR_PASSPHRASE.toCharArray());
            try (InputStream clear = decryptor.open(Files.newInputStream(out))) {
                assertThat(clear.readAllBytes()).isEqualTo(plain);
            }
        }
    }

    @Test
    void everyRecipientCanDecrypt() throws Exception {
        byte[] plain = randomBytes(10_000);
        Encryptor encryptor = Encryptor.forKeyFiles(List.of(gpg.publicKey(OPERATOR), gpg.publicKey(OTHER)));
        byte[] message = encrypt(encryptor, plain);

        assertThat(encryptor.recipients()).extracting(Recipient::userId).containsExactly(OPERATOR, OTHER);
        assertThat(decrypt(message, gpg.secretKey(OPERATOR, OPERATOR_PASSPHRASE), OPERATOR_PASSPHRASE)).isEqualTo(plain);
        assertThat(decrypt(message, gpg.secretKey(OTHER, OTHER_PASSPHRASE), OTHER_PASSPHRASE)).isEqualTo(plain);
    }

    @Test
    void theWrongKeyIsRefusedNamingTheRecipients() throws Exception {
        Encryptor encryptor = Encryptor.forKeyFiles(List.of(gpg.publicKey(OPERATOR)));
        byte[] message = encrypt(encryptor, randomBytes(1000));
        Decryptor other = Decryptor.fromKeyFile(gpg.secretKey(OTHER, OTHER_PASSPHRASE), OTHER_PASSPHRASE.toCharArray());

        assertThatThrownBy(() -> other.open(new ByteArrayInputStream(message)))
                .isInstanceOf(OpenPgpException.class)
                .hasMessageContaining("it is not encrypted to this key (recipients: "
                        + encryptor.recipients().get(0).keyId())
                .hasMessageContaining(other.keyIds().get(0));
    }

    @Test
    void aWrongPassphraseIsNamedAsSuch() throws Exception {
        Encryptor encryptor = Encryptor.forKeyFiles(List.of(gpg.publicKey(OPERATOR)));
        byte[] message = encrypt(encryptor, randomBytes(1000));
        Decryptor decryptor = Decryptor.fromKeyFile(gpg.secretKey(OPERATOR, OPERATOR_PASSPHRASE),
                "not the passphrase".toCharArray());

        assertThatThrownBy(() -> decryptor.open(new ByteArrayInputStream(message)))
                .isInstanceOf(OpenPgpException.class)
                .hasMessageStartingWith("wrong passphrase for key " + encryptor.recipients().get(0).keyId())
                .hasMessageContaining(OPERATOR)
                .message().doesNotContain("not the passphrase");
    }

    @Test
    void aFlippedByteFailsTheIntegrityCheckAtTheEnd() throws Exception {
        byte[] plain = randomBytes(200_000);
        byte[] message = encrypt(Encryptor.forKeyFiles(List.of(gpg.publicKey(OPERATOR))), plain);
        message[message.length / 2] ^= 0x01;
        Decryptor decryptor = Decryptor.fromKeyFile(gpg.secretKey(OPERATOR, OPERATOR_PASSPHRASE),
                OPERATOR_PASSPHRASE.toCharArray());

        assertThatThrownBy(() -> {
            try (InputStream clear = decryptor.open(new ByteArrayInputStream(message))) {
                clear.transferTo(OutputStream.nullOutputStream());
            }
        }).isInstanceOf(IntegrityException.class).hasMessageContaining("integrity check failed");
    }

    @Test
    void aPublicKeyIsNotASecretKey() {
        assertThatThrownBy(() -> SecretKey.read(gpg.publicKey(OPERATOR)))
                .isInstanceOf(OpenPgpException.class)
                .hasMessage("this is a public key, which cannot decrypt; give the secret key "
                        + "(export it with gpg --armor --export-secret-keys KEYID)");
        assertThatThrownBy(() -> Decryptor.fromKeyFile(gpg.publicKey(OPERATOR), new char[0]))
                .hasMessageStartingWith("secret key file " + gpg.publicKey(OPERATOR) + ": this is a public key");
    }

    @Test
    void aFileThatIsNoKeyIsNamedAndNoBouncyCastleClassIsShown() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.asc"), "-----BEGIN PGP MESSAGE-----\nnot really\n");
        assertThatThrownBy(() -> SecretKey.read(junk))
                .hasMessage("not an OpenPGP secret key (export it with gpg --armor --export-secret-keys KEYID)");
        assertThatThrownBy(() -> Encryptor.forKeyFiles(List.of(gpg.publicKey(OPERATOR), junk)))
                .isInstanceOf(OpenPgpException.class)
                .hasMessage(junk + ": not an OpenPGP public key "
                        + "(export one with gpg --armor --export KEYID)");
    }

    @Test
    void aKeyWithAPassphraseSaysSoAndAKeyWithoutOneDecryptsWithNone() throws Exception {
        assertThat(SecretKey.read(gpg.secretKey(OPERATOR, OPERATOR_PASSPHRASE)).needsPassphrase()).isTrue();

        Path unprotected = gpg.unprotectedSecretKey();
        SecretKey key = SecretKey.read(unprotected);
        assertThat(key.needsPassphrase()).isFalse();
        byte[] plain = randomBytes(5000);
        byte[] message = encrypt(Encryptor.forKeyFiles(List.of(gpg.unprotectedPublicKey())), plain);
        try (InputStream clear = key.decryptor(null).open(new ByteArrayInputStream(message))) {
            assertThat(clear.readAllBytes()).isEqualTo(plain);
        }
    }

    private static byte[] encrypt(Encryptor encryptor, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = encryptor.encrypt(out, "test.dump", Instant.now())) {
            enc.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] message, Path key, String passphrase) throws IOException {
        try (InputStream clear = Decryptor.fromKeyFile(key, passphrase.toCharArray())
                .open(new ByteArrayInputStream(message))) {
            return clear.readAllBytes();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
