package dev.vigil.ops.backup;

import dev.vigil.ops.OpsProcess;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup through the command line and back: {@code ops backup run} with a key made by gpg, then {@code list},
 * {@code restore} and {@code verify} with the secret key, against S3Proxy and the local PostgreSQL server
 * (127.0.0.1:5432 as VIGIL_TEST_DB_USER, default postgres, with VIGIL_TEST_DB_PASSWORD if set;
 * bin/test provides one). A missing prerequisite fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRoundTripIT {

    private static final String DB_USER = System.getenv().getOrDefault("VIGIL_TEST_DB_USER", "postgres");
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final List<String> PG =
            List.of("--pg-host", "127.0.0.1", "--pg-port", "5432", "--pg-user", DB_USER);

    @TempDir
    static Path work;

    private LocalS3 s3;
    private String bucket;
    private Path gnupg;
    private Path publicKey;
    private Path secretKey;
    private String source;
    private final List<String> created = new ArrayList<>();
    private HttpServer recorder;
    private final List<String> pings = new CopyOnWriteArrayList<>();
    private OpsProcess.Result backupRun;
    private String key;

    @BeforeAll
    void setUp() throws Exception {
        assertThat(Files.isRegularFile(OpsProcess.jar())).as("ops.jar (run through mvn verify)").isTrue();
        assertThat(sh(List.of("psql", "-h", "127.0.0.1", "-U", DB_USER, "-d", "postgres", "-Atc", "select 1"))
                .status()).as("PostgreSQL on 127.0.0.1:5432 for user postgres").isZero();
        assertThat(sh(List.of("gpg", "--version")).status()).as("gpg").isZero();

        gnupg = Files.createTempDirectory(Path.of("/tmp"), "vigil-ops-gpg-"); // short: the agent's socket lives here
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        String uid = "Vigil ops test <ops-test@example.com>";
        assertThat(gpg("--quick-gen-key", uid, "future-default", "default", "never").status()).isZero();
        publicKey = work.resolve("public.asc");
        secretKey = work.resolve("secret.asc");
        Files.writeString(publicKey, gpg("--armor", "--export", "ops-test@example.com").out());
        Files.writeString(secretKey, gpg("--armor", "--export-secret-keys", "ops-test@example.com").out());
        assertThat(Files.readString(secretKey)).contains("BEGIN PGP PRIVATE KEY BLOCK");

        source = newDatabaseName("src");
        psql("postgres", "CREATE DATABASE " + source);
        psql(source, "CREATE TABLE pings (id int PRIMARY KEY, created timestamptz NOT NULL);"
                + "INSERT INTO pings SELECT g, timestamptz '2026-11-23 02:00:00+00' + g * interval '1 second' "
                + "FROM generate_series(1, 1000) g;");

        s3 = LocalS3.start(work);
        bucket = s3.createBucket();

        recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        recorder.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            pings.add(exchange.getRequestURI().getPath() + " " + body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        recorder.start();

        String pingUrl = "http://127.0.0.1:" + recorder.getAddress().getPort() + "/ping/backup";
        backupRun = ops(s3.env(bucket), concat(List.of("backup", "run", "--database", source, "--recipient",
                publicKey.toString(), "--ping-url", pingUrl), PG));
        Matcher m = Pattern.compile("stored as (\\S+\\.dump\\.pgp)").matcher(backupRun.out());
        key = m.find() ? m.group(1) : null;
    }

    @AfterAll
    void tearDown() throws Exception {
        if (recorder != null) {
            recorder.stop(0);
        }
        if (s3 != null) {
            s3.close();
        }
        for (String db : created) {
            sh(List.of("psql", "-h", "127.0.0.1", "-U", DB_USER, "-d", "postgres", "-c",
                    "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)"));
        }
        if (gnupg != null) {
            sh(List.of("gpgconf", "--homedir", gnupg.toString(), "--kill", "gpg-agent"));
            sh(List.of("rm", "-rf", gnupg.toString()));
        }
    }

    @Test
    void runListRestoreVerify() throws Exception {
        Map<String, String> env = new HashMap<>(s3.env(bucket));

        assertThat(backupRun.status()).as(backupRun.err()).isZero();
        assertThat(key).as(backupRun.out()).isNotNull();
        assertThat(key).startsWith("vigil/" + source + "/");
        assertThat(pings).hasSize(2);
        assertThat(pings.get(0)).startsWith("/ping/backup/start");
        assertThat(pings.get(1)).startsWith("/ping/backup ").contains("backup of " + source, key);

        OpsProcess.Result list = ops(env, List.of("backup", "list", "--database", source));
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains(key).contains(" ok ");

        String target = newDatabaseName("dst");
        env.put("VIGIL_OPS_TEST_PASSPHRASE", PASSPHRASE);
        OpsProcess.Result restore = ops(env, concat(List.of("backup", "restore", key, "--to", target,
                "--secret-key", secretKey.toString(), "--passphrase-env", "VIGIL_OPS_TEST_PASSPHRASE"), PG));
        assertThat(restore.status()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored " + key);
        assertThat(psql(target, "SELECT count(*) || ' ' || max(created) FROM pings").strip())
                .isEqualTo("1000 2026-11-23 02:16:40+00");

        // the passphrase through a file descriptor, as a script would pass it
        Path passFile = Files.writeString(work.resolve("passphrase.txt"), PASSPHRASE + "\n");
        List<String> verify = OpsProcess.command(concat(List.of("backup", "verify", key, "--secret-key",
                secretKey.toString(), "--passphrase-fd", "3", "--timestamp-column", "pings.created"), PG)
                .toArray(String[]::new));
        OpsProcess.Result verified = OpsProcess.exec(work, env,
                concat(List.of("sh", "-c", "exec \"$@\" 3<\"$0\"", passFile.toString()), verify));
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).startsWith("verify " + key + ": OK").contains("public.pings", "1,000 rows");
    }

    @Test
    void aWrongPassphraseIsOneErrorLineAndTouchesNothing() throws Exception {
        Map<String, String> env = new HashMap<>(s3.env(bucket));
        env.put("VIGIL_OPS_TEST_PASSPHRASE", "not the passphrase");
        String target = newDatabaseName("never");
        OpsProcess.Result r = ops(env, concat(List.of("backup", "restore", key, "--to", target,
                "--secret-key", secretKey.toString(),
                "--passphrase-env", "VIGIL_OPS_TEST_PASSPHRASE"), PG));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().satisfies(l -> assertThat(l).startsWith("error: ")
                .contains("passphrase"));
        assertThat(psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + target + "'").strip())
                .isEqualTo("0");
    }

    private OpsProcess.Result ops(Map<String, String> env, List<String> args) throws Exception {
        return OpsProcess.run(work, env, args.toArray(String[]::new));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private String newDatabaseName(String purpose) {
        String name = "vigil_test_" + Instant.now().getEpochSecond() + "_ops_" + purpose + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        created.add(name);
        return name;
    }

    private String psql(String db, String sql) throws Exception {
        OpsProcess.Result r = sh(List.of("psql", "-h", "127.0.0.1", "-U", DB_USER, "-d", db, "-v",
                "ON_ERROR_STOP=1", "-Atc", sql));
        assertThat(r.status()).as(sql + ": " + r.err()).isZero();
        return r.out();
    }

    private OpsProcess.Result gpg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", gnupg.toString(), "--batch",
                "--pinentry-mode", "loopback", "--passphrase", PASSPHRASE));
        command.addAll(List.of(args));
        return sh(command);
    }

    private OpsProcess.Result sh(List<String> command) throws IOException, InterruptedException {
        return OpsProcess.exec(work, Map.of(), command);
    }
}
