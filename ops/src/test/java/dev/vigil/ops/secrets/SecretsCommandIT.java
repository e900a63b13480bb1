package dev.vigil.ops.secrets;

import dev.vigil.ops.OpsProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The secrets commands through the real ops jar, with keys made by GnuPG. */
class SecretsCommandIT {

    private static final String PASSPHRASE = "operator passphrase";

    @TempDir
    static Path keysDir;

    static OperatorKeys keys;

    @TempDir
    Path fleet;

    @BeforeAll
    static void makeKeys() throws IOException {
        keys = new OperatorKeys(keysDir);
        keys.make("alice", PASSPHRASE);
        keys.make("bob", "bob's passphrase");
        keys.make("mallory", "mallory's passphrase");
    }

    private Map<String, String> as(String who, String passphrase) {
        return Map.of(OperatorKey.KEY_ENV, keys.secretKey(who).toString(), OperatorKey.PASSPHRASE_ENV, passphrase);
    }

    private OpsProcess.Result ops(Map<String, String> env, String... args) throws Exception {
        return OpsProcess.run(fleet, env, withInventory(args));
    }

    private OpsProcess.Result opsWithInput(Map<String, String> env, String stdin, String... args) throws Exception {
        return OpsProcess.runWithInput(fleet, env, stdin, withInventory(args));
    }

    private String[] withInventory(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--inventory";
        all[args.length + 1] = fleet.resolve("ops.yaml").toString();
        return all;
    }

    private void inventory(String... recipients) throws IOException {
        StringBuilder list = new StringBuilder();
        for (String r : recipients) {
            list.append(list.length() == 0 ? "" : ", ").append(keys.publicKey(r));
        }
        Files.writeString(fleet.resolve("ops.yaml"), "secrets: {recipients: [" + list + "]}\nhosts: []\n");
    }

    private static void assertOneErrorLine(OpsProcess.Result r, int status, String fragment) {
        assertThat(r.status()).as(r.err()).isEqualTo(status);
        assertThat(r.err()).startsWith("error: ").contains(fragment);
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void initSetShowAndGnupgReadsTheFileToo() throws Exception {
        inventory("alice", "bob");
        OpsProcess.Result init = ops(Map.of(), "secrets", "init");
        assertThat(init.status()).as(init.err()).isZero();
        assertThat(init.out()).contains("created " + fleet.resolve("secrets.pgp") + " for 2 recipient(s)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fleet.resolve("secrets.pgp"))))
                .isEqualTo("rw-------");
        assertOneErrorLine(ops(Map.of(), "secrets", "init"), 1, "already exists");

        OpsProcess.Result set = opsWithInput(as("alice", PASSPHRASE), "s3cret 'with' \"quotes\"\n",
                "secrets", "set", "database.password");
        assertThat(set.status()).as(set.err()).isZero();
        assertThat(set.out()).contains("added database.password");
        assertThat(new String(Files.readAllBytes(fleet.resolve("secrets.pgp")), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");

        OpsProcess.Result bobShows = ops(as("bob", "bob's passphrase"), "secrets", "show", "database.password");
        assertThat(bobShows.out()).isEqualTo("s3cret 'with' \"quotes\"\n");
        assertThat(ops(as("alice", PASSPHRASE), "secrets", "show").out())
                .isEqualTo("database.password = s3cret 'with' \"quotes\"\n");
        assertThat(ops(as("alice", PASSPHRASE), "secrets", "show", "--names").out()).isEqualTo("database.password\n");
        assertThat(keys.decrypt(fleet.resolve("secrets.pgp"), PASSPHRASE))
                .isEqualTo("database.password = s3cret 'with' \"quotes\"\n");
        assertOneErrorLine(ops(as("alice", PASSPHRASE), "secrets", "show", "smtp.user"), 1, "no secret named smtp.user");
    }

    @Test
    void wrongPassphraseWrongKeyAndCorruptFileAreOneLineAndLoseNothing() throws Exception {
        inventory("alice");
        ops(Map.of(), "secrets", "init");
        opsWithInput(as("alice", PASSPHRASE), "hunter2", "secrets", "set", "smtp.password");
        byte[] before = Files.readAllBytes(fleet.resolve("secrets.pgp"));

        OpsProcess.Result wrongPassphrase = opsWithInput(as("alice", "guess"), "x", "secrets", "set",
                "smtp.password");
        assertOneErrorLine(wrongPassphrase, 1, "cannot decrypt " + fleet.resolve("secrets.pgp") + ": wrong passphrase");
        OpsProcess.Result wrongKey = ops(as("mallory", "mallory's passphrase"), "secrets", "show");
        assertOneErrorLine(wrongKey, 1, "is not encrypted to this key");
        assertThat(wrongKey.out() + wrongKey.err()).doesNotContain("hunter2");
        assertOneErrorLine(ops(Map.of(OperatorKey.PASSPHRASE_ENV, PASSPHRASE), "secrets", "show"), 2,
                "give --secret-key FILE or set " + OperatorKey.KEY_ENV);
        assertThat(Files.readAllBytes(fleet.resolve("secrets.pgp"))).as("nothing lost").isEqualTo(before);

        byte[] corrupt = before.clone();
        corrupt[corrupt.length - 30] ^= 0x55;
        Files.write(fleet.resolve("secrets.pgp"), corrupt);
        assertOneErrorLine(ops(as("alice", PASSPHRASE), "secrets", "show"), 1, "cannot decrypt");
        Files.write(fleet.resolve("secrets.pgp"), new byte[]{1, 2, 3});
        assertOneErrorLine(ops(as("alice", PASSPHRASE), "secrets", "show"), 1, "cannot decrypt");
    }

    @Test
    void editRunsTheEditorOnAPrivateFileThatIsGoneAfterwards() throws Exception {
        inventory("alice");
        ops(Map.of(), "secrets", "init");
        opsWithInput(as("alice", PASSPHRASE), "old-token", "secrets", "set", "watchdog.cloudflare_token");
        // the "editor" records where it was called and how private the file was, then edits it
        Path seen = fleet.resolve("seen.txt");
        String editor = "f() { stat -c '%a %U' \"$1\" \"$(dirname \"$1\")\" > " + seen + "; echo \"$1\" >> " + seen
                + "; sed -i 's/old-token/new-token/; $a tsig.extra = abc' \"$1\"; }; f";
        Map<String, String> env = new java.util.HashMap<>(as("alice", PASSPHRASE));
        env.put("EDITOR", editor);
        OpsProcess.Result edit = ops(env, "secrets", "edit");
        assertThat(edit.status()).as(edit.err()).isZero();
        assertThat(edit.out()).contains("saved 2 secret(s)");
        assertThat(ops(as("alice", PASSPHRASE), "secrets", "show").out())
                .isEqualTo("tsig.extra = abc\nwatchdog.cloudflare_token = new-token\n");
        String[] lines = Files.readString(seen).split("\n");
        assertThat(lines[0]).isEqualTo("600 root");
        assertThat(lines[1]).isEqualTo("700 root");
        assertThat(Path.of(lines[2])).as("the plaintext is removed").doesNotExist();
        assertThat(Path.of(lines[2]).getParent()).doesNotExist();

        byte[] before = Files.readAllBytes(fleet.resolve("secrets.pgp"));
        env.put("EDITOR", "sed -i '$a this is not a secret line'");
        assertOneErrorLine(ops(env, "secrets", "edit"), 1, "the edited text, line 5: expected 'key = value'; nothing changed");
        env.put("EDITOR", "true");
        assertThat(ops(env, "secrets", "edit").out()).contains("no change");
        env.put("EDITOR", "false");
        assertOneErrorLine(ops(env, "secrets", "edit"), 1, "exited with status 1; nothing changed");
        assertThat(Files.readAllBytes(fleet.resolve("secrets.pgp"))).isEqualTo(before);
        try (Stream<Path> left = Files.list(Path.of("/dev/shm"))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("vigil-secrets-"))).isEmpty();
        }
    }

    @Test
    void aPublicKeyGivenAsTheSecretKeyIsAUsageErrorThatSaysSo() throws Exception {
        inventory("alice");
        ops(Map.of(), "secrets", "init");
        Path publicKey = keys.publicKey("alice");
        OpsProcess.Result r = ops(Map.of(OperatorKey.KEY_ENV, publicKey.toString(), OperatorKey.PASSPHRASE_ENV,
                PASSPHRASE), "secrets", "show");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: VIGIL_SECRETS_KEY=" + publicKey + ": this is a public key, which "
                + "cannot decrypt; give the secret key (export it with gpg --armor --export-secret-keys KEYID) "
                + "(see 'ops secrets show --help')\n");
        OpsProcess.Result option = ops(Map.of(), "secrets", "show", "--secret-key", publicKey.toString());
        assertThat(option.status()).isEqualTo(2);
        assertThat(option.err()).startsWith("error: --secret-key " + publicKey + ": this is a public key");
    }

    @Test
    void aRecipientFileThatIsNoPublicKeyIsNamed() throws Exception {
        Path junk = Files.writeString(fleet.resolve("junk.asc"), "not a key\n");
        Files.writeString(fleet.resolve("ops.yaml"), "secrets: {recipients: [" + keys.publicKey("alice") + ", "
                + junk + "]}\nhosts: []\n");
        OpsProcess.Result r = ops(Map.of(), "secrets", "init");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: secrets.recipients: " + junk + ": not an OpenPGP public key (export "
                + "one with gpg --armor --export KEYID)\n");
        assertThat(fleet.resolve("secrets.pgp")).as("nothing written").doesNotExist();
    }

    @Test
    void aKeyWithoutAPassphraseNeedsNoPassphraseSource() throws Exception {
        keys.make("job", "");
        inventory("job");
        ops(Map.of(), "secrets", "init");
        Map<String, String> keyOnly = Map.of(OperatorKey.KEY_ENV, keys.secretKey("job").toString());
        OpsProcess.Result set = opsWithInput(keyOnly, "v1", "secrets", "set", "a.b");
        assertThat(set.status()).as(set.err()).isZero();
        OpsProcess.Result show = ops(keyOnly, "secrets", "show");
        assertThat(show.status()).as(show.err()).isZero();
        assertThat(show.out()).isEqualTo("a.b = v1\n");
        assertThat(show.err()).isEmpty();
    }

    @Test
    void aKeyWithAPassphraseButNoSourceAndNoTerminalIsAUsageError() throws Exception {
        inventory("alice");
        ops(Map.of(), "secrets", "init");
        Path secretKey = keys.secretKey("alice");
        OpsProcess.Result r = ops(Map.of(OperatorKey.KEY_ENV, secretKey.toString()), "secrets", "show");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: no terminal to ask for the passphrase of " + secretKey + ": give "
                + "--passphrase-env NAME or --passphrase-fd N, or set VIGIL_SECRETS_PASSPHRASE "
                + "(see 'ops secrets show --help')\n");
    }

    @Test
    void rekeyEncryptsToTheRecipientsNowListed() throws Exception {
        inventory("alice");
        ops(Map.of(), "secrets", "init");
        opsWithInput(as("alice", PASSPHRASE), "v", "secrets", "set", "a.b");
        assertThat(ops(as("bob", "bob's passphrase"), "secrets", "show").status()).isEqualTo(1);
        inventory("alice", "bob");
        assertThat(ops(as("alice", PASSPHRASE), "secrets", "rekey").out()).contains("to 2 recipient(s)");
        assertThat(ops(as("bob", "bob's passphrase"), "secrets", "show").out()).isEqualTo("a.b = v\n");
    }
}
