package dev.vigil.wireguard.key;

import dev.vigil.wireguard.RealTool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WgKeysTest {

    @Test
    void javaKeysGiveTheSamePublicKeyAsWgPubkey() {
        for (int i = 0; i < 200; i++) {
            String priv = WgKeys.generatePrivate();
            RealTool.Result wg = RealTool.run(priv + "\n", "wg", "pubkey");
            assertThat(wg.exit()).as(wg.err()).isZero();
            assertThat(WgKeys.publicOf(priv)).as("private key #" + i).isEqualTo(wg.out().strip());
        }
    }

    @Test
    void keysFromWgGenkeyGiveTheSamePublicKeyInJava() {
        for (int i = 0; i < 50; i++) {
            String priv = RealTool.run("", "wg", "genkey").out().strip();
            String pub = RealTool.run(priv + "\n", "wg", "pubkey").out().strip();
            assertThat(WgKeys.publicOf(priv)).isEqualTo(pub);
        }
    }

    @Test
    void generatedKeysAreDistinctAndClamped() {
        String a = WgKeys.generatePrivate();
        String b = WgKeys.generatePrivate();
        assertThat(a).isNotEqualTo(b).hasSize(44);
        byte[] k = WgKeys.decode(a, "key");
        assertThat(k[0] & 7).isZero();
        assertThat(k[31] & 0xC0).isEqualTo(0x40);
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedByName() {
        assertThatThrownBy(() -> WgKeys.publicOf("AAAA")).hasMessageContaining("private key must be 32 bytes");
        assertThatThrownBy(() -> WgKeys.publicOf("not base64!")).hasMessageContaining("private key is not base64");
    }
}
