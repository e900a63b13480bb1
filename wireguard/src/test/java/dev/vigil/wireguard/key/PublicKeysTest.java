package dev.vigil.wireguard.key;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicKeysTest {

    @TempDir
    Path dir;

    @Test
    void savedKeysLoadBack() {
        String k = WgKeys.publicOf(WgKeys.generatePrivate());
        PublicKeys keys = PublicKeys.load(dir.resolve("k.txt")).with("db1", k);
        keys.save();
        assertThat(PublicKeys.load(dir.resolve("k.txt")).of("db1")).contains(k);
        assertThat(PublicKeys.load(dir.resolve("absent.txt")).keys()).isEmpty();
    }

    @Test
    void aBadLineIsNamedByFileAndLine() throws Exception {
        Path f = dir.resolve("k.txt");
        Files.writeString(f, "# keys\napp1 AAAA\n");
        assertThatThrownBy(() -> PublicKeys.load(f)).hasMessageContaining(f + ":2: the public key of app1 must be "
                + "32 bytes");
        String k = WgKeys.publicOf(WgKeys.generatePrivate());
        Files.writeString(f, "app1 " + k + "\napp1 " + k + "\n");
        assertThatThrownBy(() -> PublicKeys.load(f)).hasMessageContaining(":2: host app1 is listed twice");
    }
}
