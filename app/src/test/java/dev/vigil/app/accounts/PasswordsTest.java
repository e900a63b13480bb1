package dev.vigil.app.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    @Test
    void hashesWithASaltOfTheirOwnAndVerify() {
        String a = Passwords.hash("hunter22".toCharArray());
        String b = Passwords.hash("hunter22".toCharArray());
        assertThat(a).startsWith("pbkdf2_sha256$600000$").isNotEqualTo(b);
        assertThat(Passwords.verify(a, "hunter22".toCharArray())).isTrue();
        assertThat(Passwords.verify(a, "hunter23".toCharArray())).isFalse();
        assertThat(Passwords.verifyNothing("hunter22".toCharArray())).isFalse();
    }

    @Test
    void aHashOfAnotherFormatNeverMatches() {
        assertThat(Passwords.verify("", "x".toCharArray())).isFalse();
        assertThat(Passwords.verify("argon2$1$a$b", "x".toCharArray())).isFalse();
        assertThat(Passwords.verify("pbkdf2_sha256$many$a$b", "x".toCharArray())).isFalse();
    }
}
