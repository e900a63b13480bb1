package dev.vigil.provisioning.secrets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {

    @Test
    void readsKeyValueLinesWithCommentsAndRendersThemSorted() {
        Secrets s = Secrets.parse("""
                # database
                database.password = a=b c#d
                smtp.user=vigil@example.com\r

                """);
        assertThat(s.get("database.password")).contains("a=b c#d");
        assertThat(s.get("smtp.user")).contains("vigil@example.com");
        assertThat(s.keys()).containsExactly("database.password", "smtp.user");
        assertThat(s.render()).isEqualTo("database.password = a=b c#d\nsmtp.user = vigil@example.com\n");
        assertThat(Secrets.parse(s.render())).isEqualTo(s);
    }

    @Test
    void errorsNameTheLineButNeverShowAValue() {
        assertThatThrownBy(() -> Secrets.parse("a.b = 1\nhunter2\n")).hasMessage("line 2: expected 'key = value'");
        assertThatThrownBy(() -> Secrets.parse("Database.Password = hunter2\n"))
                .hasMessageStartingWith("line 1: \"Database.Password\" is not a secret name")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Secrets.parse("a = hunter2\na = hunter3\n")).hasMessage("line 2: a is given twice");
        assertThatThrownBy(() -> Secrets.none().with("a", "two\nlines"))
                .hasMessage("the value of a must be one line of text");
    }

    @Test
    void toStringShowsKeysOnly() {
        Secrets s = Secrets.none().with("database.password", "hunter2");
        assertThat(s.toString()).isEqualTo("Secrets[database.password]");
        assertThat(s.with("database.password", "new").get("database.password")).contains("new");
    }

    @Test
    void aMissingOrEmptySecretSaysWhoNeedsItAndHowToSetIt() {
        assertThatThrownBy(() -> Secrets.parse("smtp.user =\n").require("smtp.user", "the mail relay"))
                .isInstanceOf(MissingSecretException.class)
                .hasMessage("secret smtp.user is not set (the mail relay needs it); set it with 'ops secrets set smtp.user'");
    }
}
