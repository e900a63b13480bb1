package dev.vigil.provisioning.ssh;

import com.jcraft.jsch.HostKeyRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class KnownHostsFileTest {

    private static byte[] blob(String type, int fill) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(type.length());
        d.writeBytes(type);
        d.writeInt(32);
        for (int i = 0; i < 32; i++) {
            d.writeByte(fill);
        }
        return b.toByteArray();
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void answersOkChangedAndNotIncluded(@TempDir Path dir) throws Exception {
        byte[] good = blob("ssh-ed25519", 1);
        byte[] other = blob("ssh-ed25519", 2);
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# comment\n10.0.0.1,app1 ssh-ed25519 " + b64(good) + " root@app1\n"
                + "[10.0.0.2]:2222 ssh-ed25519 " + b64(good) + "\n");
        KnownHostsFile known = KnownHostsFile.read(file);

        assertThat(known.check("10.0.0.1", good)).isEqualTo(HostKeyRepository.OK);
        assertThat(known.check("10.0.0.1", other)).isEqualTo(HostKeyRepository.CHANGED);
        assertThat(known.lastPresented().orElseThrow().fingerprint()).isEqualTo(Fingerprint.sha256(other));
        assertThat(known.knownFingerprints("10.0.0.1", "ssh-ed25519")).containsExactly(Fingerprint.sha256(good));
        assertThat(known.check("10.0.0.2", good)).as("port 22 is not port 2222").isEqualTo(HostKeyRepository.NOT_INCLUDED);
        assertThat(known.check(KnownHostsFile.hostKeyName("10.0.0.2", 2222), good)).isEqualTo(HostKeyRepository.OK);
        assertThat(known.check("10.0.0.1", blob("ssh-rsa", 1))).as("another key type is not a change")
                .isEqualTo(HostKeyRepository.NOT_INCLUDED);
    }

    @Test
    void understandsHashedNamesAndRevokedKeys(@TempDir Path dir) throws Exception {
        byte[] key = blob("ssh-ed25519", 3);
        byte[] salt = new byte[20];
        salt[0] = 7;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        String hashed = "|1|" + b64(salt) + "|" + b64(mac.doFinal("db1.example.com".getBytes(StandardCharsets.UTF_8)));
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, hashed + " ssh-ed25519 " + b64(key) + "\n@revoked * ssh-ed25519 " + b64(blob("ssh-ed25519", 9)) + "\n");
        KnownHostsFile known = KnownHostsFile.read(file);
        assertThat(known.check("db1.example.com", key)).isEqualTo(HostKeyRepository.OK);
        assertThat(known.check("db2.example.com", key)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
    }

    @Test
    void appendWritesAnOpenSshLineAndAMissingFileIsEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/known_hosts");
        byte[] key = blob("ssh-ed25519", 4);
        assertThat(KnownHostsFile.read(file).check("10.0.0.9", key)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
        KnownHostsFile.append(file, "10.0.0.9", key);
        assertThat(Files.readString(file)).isEqualTo("10.0.0.9 ssh-ed25519 " + b64(key) + "\n");
        assertThat(KnownHostsFile.read(file).check("10.0.0.9", key)).isEqualTo(HostKeyRepository.OK);
    }

    @Test
    void fingerprintIsOpenSshs() {
        // ssh-keygen -lf on this public key prints this fingerprint
        byte[] key = Base64.getDecoder().decode("AAAAC3NzaC1lZDI1NTE5AAAAIMVX0Bv/G0uODdgIuXWaUSYYcGlKWiPCcP0vvc0w2NNE");
        assertThat(Fingerprint.keyType(key)).isEqualTo("ssh-ed25519");
        assertThat(Fingerprint.sha256(key)).isEqualTo("SHA256:+oQ1ZxIexLpHRV0a0MnPa2UhBtqKSh6IN/pTBgadBzw");
    }
}
