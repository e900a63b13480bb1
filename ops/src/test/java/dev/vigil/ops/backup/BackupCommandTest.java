package dev.vigil.ops.backup;

import dev.vigil.ops.OpsInProcess;
import dev.vigil.s3.S3Config;
import dev.vigil.testsupport.Gpg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupCommandTest {

    private final OpsInProcess cli = new OpsInProcess();

    @TempDir
    Path dir;

    private Path keyFile;

    @BeforeEach
    void noStorageSettingsInTheEnvironment() throws IOException {
        for (String name : new String[] {StorageOptions.BUCKET, StorageOptions.ACCESS_KEY, StorageOptions.SECRET_KEY,
                StorageOptions.ENDPOINT}) {
            assertThat(System.getenv(name)).as(name + " must not be set for these tests").isNull();
        }
        keyFile = Files.writeString(dir.resolve("key.asc"), "not really a key");
    }

    private int ops(String... args) {
        return cli.run(args);
    }

    private void assertUsageError(int status, String command, String... fragments) {
        assertThat(status).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: ").contains(fragments).endsWith("(see 'ops backup " + command + " --help')"));
    }

    @Test
    void missingBucketIsOneLineWithStatus2() {
        assertUsageError(ops("backup", "list"), "list", "no bucket", "--bucket", "VIGIL_BACKUP_S3_BUCKET");
    }

    @Test
    void missingBucketForRunAndPruneToo() {
        assertUsageError(ops("backup", "run", "--database", "vigil", "--recipient",
                Gpg.shared().publicKey(Gpg.OPERATOR).toString()), "run", "no bucket");
    }

    @Test
    void missingCredentialsNameTheEnvironmentVariables() {
        assertUsageError(ops("backup", "prune", "--keep-days", "60", "--bucket", "vigil-backups"), "prune",
                "no storage credentials", "VIGIL_BACKUP_S3_ACCESS_KEY and VIGIL_BACKUP_S3_SECRET_KEY",
                "never taken from the command line");
    }

    @Test
    void credentialsAreNotOptions() {
        assertThat(ops("backup", "list", "--bucket", "b", "--secret-key", "abc")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: Unknown option").contains("'--secret-key'");
    }

    @Test
    void configTakesTheKeysFromTheEnvironmentOnly() {
        StorageOptions storage = parse(new StorageOptions(), "--bucket", "vigil-backups",
                "--s3-endpoint", "http://127.0.0.1:9000", "--path-style");
        S3Config config = storage.config(spec(), Map.of(StorageOptions.ACCESS_KEY, "AKIAEXAMPLE",
                StorageOptions.SECRET_KEY, "s3cr3t"));
        assertThat(config.bucket()).isEqualTo("vigil-backups");
        assertThat(config.endpoint()).hasToString("http://127.0.0.1:9000");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.pathStyle()).isTrue();
        assertThat(config.accessKey()).isEqualTo("AKIAEXAMPLE");
        assertThat(config.secretKey()).isEqualTo("s3cr3t");
        assertThat(storage.prefix()).isEqualTo("vigil");
    }

    @Test
    void onlyTheMissingKeyIsNamed() {
        StorageOptions storage = parse(new StorageOptions(), "--bucket", "b");
        assertThatThrownBy(() -> storage.config(spec(), Map.of(StorageOptions.ACCESS_KEY, "AKIAEXAMPLE")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("VIGIL_BACKUP_S3_SECRET_KEY")
                .hasMessageNotContaining("VIGIL_BACKUP_S3_ACCESS_KEY");
    }

    @Test
    void pathStyleTakesAnExplicitValue() {
        StorageOptions storage = parse(new StorageOptions(), "--bucket", "b", "--path-style=false");
        assertThat(storage.config(spec(), Map.of(StorageOptions.ACCESS_KEY, "a", StorageOptions.SECRET_KEY, "s"))
                .pathStyle()).isFalse();
    }

    @Test
    void badEndpointIsAUsageError() {
        assertUsageError(ops("backup", "list", "--bucket", "b", "--s3-endpoint", "s3.example.com"), "list",
                "--s3-endpoint must be an http(s) URL");
    }

    @Test
    void runNeedsARecipient() {
        assertThat(ops("backup", "run", "--database", "vigil", "--bucket", "b")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: Missing required option: '--recipient=FILE'");
    }

    @Test
    void unreadableRecipientIsAUsageError() {
        assertUsageError(ops("backup", "run", "--database", "vigil", "--recipient", dir.resolve("nope.asc").toString(),
                "--bucket", "b"), "run", "nope.asc is not a readable file");
    }

    @Test
    void pruneNeedsSensibleNumbers() {
        assertUsageError(ops("backup", "prune", "--keep-days", "0", "--bucket", "b"), "prune",
                "--keep-days must be at least 1");
    }

    @Test
    void pruneNeedsKeepDays() {
        assertThat(ops("backup", "prune", "--bucket", "b")).isEqualTo(2);
        assertThat(cli.err()).contains("--keep-days");
    }

    @Test
    void restoreWithoutATerminalNeedsAPassphraseSource() {
        // tests run without a console, like cron
        assertThat(System.console()).isNull();
        Path protectedKey = Gpg.shared().secretKey(Gpg.OPERATOR, Gpg.OPERATOR_PASSPHRASE);
        assertUsageError(ops("backup", "restore", "vigil/vigil/20261123T021500Z.dump.pgp", "--to", "vigil",
                "--secret-key", protectedKey.toString(), "--bucket", "b"), "restore",
                "no terminal to ask for the passphrase", "--passphrase-env", "--passphrase-fd");
    }

    @Test
    void aKeyWithoutAPassphraseNeedsNoPassphraseSource() {
        // past the key, the next thing missing is the storage's credentials, not a passphrase
        assertUsageError(ops("backup", "restore", "vigil/vigil/20261123T021500Z.dump.pgp", "--to", "vigil",
                "--secret-key", Gpg.shared().unprotectedSecretKey().toString(), "--bucket", "b"), "restore",
                "no storage credentials");
    }

    @Test
    void aPublicKeyGivenAsTheSecretKeyIsAUsageErrorThatSaysSo() {
        Path publicKey = Gpg.shared().publicKey(Gpg.OPERATOR);
        assertThat(ops("backup", "verify", "--secret-key", publicKey.toString(), "--passphrase-env", "PATH"))
                .isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("error: --secret-key " + publicKey + ": this is a public key, which cannot "
                + "decrypt; give the secret key (export it with gpg --armor --export-secret-keys KEYID) "
                + "(see 'ops backup verify --help')" + System.lineSeparator());
    }

    @Test
    void aSecretKeyFileThatIsNoKeyIsAUsageError() {
        assertThat(ops("backup", "verify", "--secret-key", keyFile.toString(), "--passphrase-env", "PATH"))
                .isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: --secret-key " + keyFile + ": not an OpenPGP secret key (export it "
                + "with gpg --armor --export-secret-keys KEYID) (see 'ops backup verify --help')"
                + System.lineSeparator());
    }

    @Test
    void aRecipientThatIsNoPublicKeyIsNamed() {
        Path good = Gpg.shared().publicKey(Gpg.OPERATOR);
        assertThat(ops("backup", "run", "--database", "vigil", "--recipient", good.toString(),
                "--recipient", keyFile.toString(), "--bucket", "b")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("error: --recipient " + keyFile + ": not an OpenPGP public key (export one "
                + "with gpg --armor --export KEYID) (see 'ops backup run --help')" + System.lineSeparator());
    }

    @Test
    void passphraseIsNeverAnOption() {
        assertThat(ops("backup", "restore", "k.dump.pgp", "--to", "vigil", "--secret-key", keyFile.toString(),
                "--passphrase", "hunter2")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: Unknown option").contains("'--passphrase'");
    }

    @Test
    void unsetPassphraseVariableIsAUsageError() {
        assertUsageError(ops("backup", "restore", "k.dump.pgp", "--to", "vigil", "--secret-key", keyFile.toString(),
                "--passphrase-env", "VIGIL_TEST_SURELY_UNSET_PASSPHRASE"), "restore",
                "VIGIL_TEST_SURELY_UNSET_PASSPHRASE is not set");
    }

    @Test
    void passphraseFromEnvAndFdAtOnceIsAUsageError() {
        assertUsageError(ops("backup", "verify", "--secret-key", keyFile.toString(), "--passphrase-env", "X",
                "--passphrase-fd", "3"), "verify", "either --passphrase-env or --passphrase-fd");
    }

    @Test
    void missingSecretKeyFileIsAUsageError() {
        assertUsageError(ops("backup", "verify", "--secret-key", dir.resolve("gone.asc").toString(),
                "--passphrase-env", "PATH"), "verify", "gone.asc is not a readable file");
    }

    @Test
    void verifyTakesAKeyOrADatabase() {
        assertUsageError(ops("backup", "verify", "vigil/vigil/20261123T021500Z.dump.pgp", "--database", "vigil",
                "--secret-key", keyFile.toString(), "--passphrase-env", "PATH"), "verify",
                "either KEY or --database");
    }

    @Test
    void verifyRejectsABadTimestampColumn() {
        assertUsageError(ops("backup", "verify", "--secret-key", keyFile.toString(), "--passphrase-env", "PATH",
                "--timestamp-column", " "), "verify", "--timestamp-column");
    }

    @Test
    void helpListsTheCommandsAndTheEnvironment() {
        assertThat(ops("backup", "--help")).isZero();
        assertThat(cli.out()).contains("run", "list", "restore", "verify", "prune",
                "VIGIL_BACKUP_S3_ENDPOINT", "VIGIL_BACKUP_S3_REGION", "VIGIL_BACKUP_S3_BUCKET",
                "VIGIL_BACKUP_S3_PATH_STYLE", "VIGIL_BACKUP_S3_ACCESS_KEY", "VIGIL_BACKUP_S3_SECRET_KEY");
    }

    @Test
    void everyCommandHasExamples() {
        for (String command : new String[] {"run", "list", "restore", "verify", "prune"}) {
            assertThat(ops("backup", command, "--help")).isZero();
            assertThat(cli.out()).contains("Usage: ops backup " + command, "Examples:", "ops backup " + command);
        }
        assertThat(cli.out()).contains("--bucket", "--prefix", "--keep-days");
    }

    private <T> T parse(T options, String... args) {
        new CommandLine(new Holder(options)).parseArgs(args);
        return options;
    }

    private CommandLine.Model.CommandSpec spec() {
        return new CommandLine(new Holder(new StorageOptions())).getCommandSpec();
    }

    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        final Object options;

        Holder(Object options) {
            this.options = options;
        }
    }
}
