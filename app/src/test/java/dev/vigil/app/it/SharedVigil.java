package dev.vigil.app.it;

import dev.vigil.testsupport.TcpProxy;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one Vigil server that the integration test classes share (a start costs 10-20 s), on its own database,
 * reached through a {@link TcpProxy} so that a test can take the database away and give it back.
 */
public final class SharedVigil {

    private static SharedVigil instance;

    public final TestDatabase database;
    public final TcpProxy databaseLink;
    public final VigilProcess app;

    private SharedVigil(TestDatabase database, TcpProxy databaseLink, VigilProcess app) {
        this.database = database;
        this.databaseLink = databaseLink;
        this.app = app;
    }

    public static synchronized SharedVigil get() {
        if (instance == null) {
            TestPostgres server = TestPostgres.server();
            TestDatabase db = server.createDatabase("app");
            String[] hostPort = server.address().split(":");
            TcpProxy link;
            try {
                link = TcpProxy.to(hostPort[0], Integer.parseInt(hostPort[1]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> settings =
                    VigilProcess.database(db.jdbcUrlVia("127.0.0.1", link.port()), db.user(), db.password());
            settings.put("VIGIL_TRUSTED_PROXIES", "127.0.0.1");  // tests send from 127.0.0.2 to be untrusted
            settings.put("VIGIL_PINGS_KEPT", "50");
            settings.put("VIGIL_ALLOW_PRIVATE_ADDRESSES", "true"); // the alert tests' receivers are on loopback
            settings.put("VIGIL_ALERTS_POLL_MS", "500");
            VigilProcess app = VigilProcess.launch(settings);
            instance = new SharedVigil(db, link, app);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                link.close();
                db.close();
            }, "stop-shared-vigil"));
            app.awaitHealthy();
        }
        return instance;
    }
}
