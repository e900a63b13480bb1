package dev.vigil.app.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.testsupport.S3ProxyProcess;
import dev.vigil.testsupport.TcpProxy;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one Vigil server that the integration test classes share (a start costs 10-20 s), on its own database,
 * reached through a {@link TcpProxy} so that a test can take the database away and give it back. Ping bodies over
 * {@link #BODY_THRESHOLD} bytes go to a real S3-compatible server (S3Proxy), also behind a cuttable proxy.
 */
public final class SharedVigil {

    public static final int BODY_THRESHOLD = 1000;
    /** How long the fast ping listener lets a request stall or a connection idle: short, so tests can watch it. */
    public static final int PING_TIMEOUT_MS = 2000;
    public static final String BUCKET = "vigil-bodies";
    /** The domain of the shared app's email-ping addresses, and the largest message its SMTP listener takes. */
    public static final String PING_EMAIL_DOMAIN = "pings.vigil.test";
    public static final int EMAIL_PING_MAX_BYTES = 65_536;
    /** The bootstrap token the shared app accepts on /api/admin/v1/projects. */
    public static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdef";

    private static SharedVigil instance;

    public final TestDatabase database;
    public final TcpProxy databaseLink;
    public final VigilProcess app;
    public final ObjectStorage objects;
    /** The SMTP listener for email pings (on in the shared app, off by default). */
    public final int smtpPort;
    /** The real SMTP server the shared app's mail relay sends to (account emails, alert emails). */
    public final GreenMail mailbox;

    private SharedVigil(TestDatabase database, TcpProxy databaseLink, VigilProcess app, ObjectStorage objects,
            int smtpPort, GreenMail mailbox) {
        this.database = database;
        this.databaseLink = databaseLink;
        this.app = app;
        this.objects = objects;
        this.smtpPort = smtpPort;
        this.mailbox = mailbox;
    }

    public static synchronized SharedVigil get() {
        if (instance == null) {
            TestPostgres server = TestPostgres.server();
            TestDatabase db = server.createDatabase("app");
            String[] hostPort = server.address().split(":");
            TcpProxy link;
            ObjectStorage objects;
            Path spool;
            int smtpPort;
            try (ServerSocket probe = new ServerSocket(0)) {
                smtpPort = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                link = TcpProxy.to(hostPort[0], Integer.parseInt(hostPort[1]));
                spool = Files.createTempDirectory("vigil-it-spool-");
                objects = ObjectStorage.start(BUCKET, spool);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> settings =
                    VigilProcess.database(db.jdbcUrlVia("127.0.0.1", link.port()), db.user(), db.password());
            settings.put("VIGIL_TRUSTED_PROXIES", "127.0.0.1");  // tests send from 127.0.0.2 to be untrusted
            settings.put("VIGIL_PINGS_KEPT", "50");
            settings.put("VIGIL_S3_ENDPOINT", "http://127.0.0.1:" + objects.link.port());
            settings.put("VIGIL_S3_BUCKET", BUCKET);
            settings.put("VIGIL_S3_ACCESS_KEY", S3ProxyProcess.IDENTITY);
            settings.put("VIGIL_S3_SECRET_KEY", S3ProxyProcess.CREDENTIAL);
            settings.put("VIGIL_S3_BODY_THRESHOLD", Integer.toString(BODY_THRESHOLD));
            settings.put("VIGIL_SPOOL_DIR", spool.toString());
            settings.put("VIGIL_ADMIN_TOKEN", ADMIN_TOKEN);
            settings.put("VIGIL_ALLOW_PRIVATE_ADDRESSES", "true"); // the alert tests' receivers are on loopback
            settings.put("VIGIL_ALERTS_POLL_MS", "500");
            settings.put("VIGIL_PING_TIMEOUT_MS", Integer.toString(PING_TIMEOUT_MS)); // the port is app.pingPort()
            settings.put("VIGIL_EMAIL_PING_PORT", Integer.toString(smtpPort));
            settings.put("VIGIL_PING_EMAIL_DOMAIN", PING_EMAIL_DOMAIN);
            settings.put("VIGIL_EMAIL_PING_MAX_BYTES", Integer.toString(EMAIL_PING_MAX_BYTES));
            GreenMail mailbox = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            mailbox.start();
            settings.put("VIGIL_SMTP_HOST", "127.0.0.1");
            settings.put("VIGIL_SMTP_PORT", Integer.toString(mailbox.getSmtp().getPort()));
            VigilProcess app = VigilProcess.launch(settings);
            Runnable stop = () -> {
                app.close();
                mailbox.stop();
                link.close();
                objects.close();
                db.close();
            };
            try {
                app.awaitHealthy();
            } catch (RuntimeException e) {
                stop.run(); // the next test class tries a start of its own; this one must not linger meanwhile
                throw e;
            }
            instance = new SharedVigil(db, link, app, objects, smtpPort, mailbox);
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "stop-shared-vigil"));
        }
        return instance;
    }
}
