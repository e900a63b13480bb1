package dev.vigil.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A private PostgreSQL for trying Vigil on a machine without one: its data lives in a directory of your choice and
 * survives restarts, it listens on loopback only, and it stops with this process. {@code bin/vigil} starts it when
 * no VIGIL_DB_URL is given. Not for production: there, Vigil uses a real PostgreSQL server.
 *
 * <p>Usage: {@code java -jar devdb.jar DATA_DIR PORT READY_FILE BINARIES_DIR}. The PostgreSQL binaries are
 * unpacked into BINARIES_DIR (once; later starts reuse them), not into the temporary directory, so that nothing is
 * left behind there. When the database {@code vigil} accepts connections, its JDBC URL is written to READY_FILE (so
 * a script can wait for it) and printed.
 */
public final class DevDatabase {

    private DevDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java -jar devdb.jar DATA_DIR PORT READY_FILE BINARIES_DIR");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path readyFile = Path.of(args[2]);
        Path binaries = Path.of(args[3]).toAbsolutePath();
        Files.createDirectories(dataDir);
        Files.createDirectories(binaries);
        // the library makes its default working directory (in java.io.tmpdir) even when given another one
        System.setProperty("ot.epg.working-dir", binaries.toString());
        Files.deleteIfExists(readyFile);

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // the library's defaults favour throw-away test databases; this one keeps your data
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("development database did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "stop-devdb"));

        createVigilDatabase(pg);
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/vigil";
        Files.writeString(readyFile, url + "\n");
        System.out.println("development database ready: " + url + " (user postgres, data in " + dataDir + ")");
        stopped.await();
    }

    private static void createVigilDatabase(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'vigil'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE vigil");
        }
    }
}
