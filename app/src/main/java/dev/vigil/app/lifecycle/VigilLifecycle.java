package dev.vigil.app.lifecycle;

import dev.vigil.app.db.JdbcUrls;
import dev.vigil.app.db.SchemaMigrator;
import dev.vigil.app.db.SchemaReady;
import dev.vigil.app.db.VigilDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Start and stop of the application. Start: migrate the schema before any request is served, and stop the whole
 * process if that fails (a server without its schema must not join a load balancer); then take over SIGTERM so
 * that requests in flight finish before the application goes away ({@link GracefulShutdown}).
 */
@WebListener
public class VigilLifecycle implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(VigilLifecycle.class.getName());

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Event<SchemaReady> schemaReady;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        String url = JdbcUrls.redact(config.getOptionalValue("vigil.db.url", String.class).orElse("?"));
        String user = config.getOptionalValue("vigil.db.user", String.class).orElse("?");
        SchemaMigrator.Outcome result;
        try {
            result = new SchemaMigrator(dataSource).migrate();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Vigil cannot start: the database schema could not be migrated (" + url + " as "
                    + user + "): " + rootMessage(e), e);
            exitSoon();
            throw e;
        }
        try {
            // the background workers and the fast ping listener start now
            schemaReady.fire(new SchemaReady(result.schemaVersion()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Vigil cannot start: " + rootMessage(e), e);
            exitSoon();
            throw e;
        }
        BuildInfo build = BuildInfo.load();
        int port = config.getOptionalValue("vigil.port", Integer.class).orElse(8000);
        LOG.info(() -> "Vigil " + build.version() + " (" + build.shortCommit() + ") serving at http://localhost:"
                + port + "/ ; database " + url + " as " + user + ", schema version " + result.schemaVersion()
                + (result.applied() > 0 ? " (" + result.applied() + " migrations applied now)" : ""));
        GracefulShutdown.installSignalHandlers(
                Duration.ofMillis(config.getOptionalValue("vigil.shutdown.quiet.ms", Long.class).orElse(500L)),
                Duration.ofSeconds(config.getOptionalValue("vigil.shutdown.timeout", Long.class).orElse(30L)));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        LOG.info("Vigil stopped");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " / cause: " + t.getMessage();
    }

    /** Exits from another thread: the deploying thread must be free for the shutdown hooks to run. */
    private static void exitSoon() {
        Thread exit = new Thread(() -> System.exit(3), "vigil-failed-start");
        exit.setDaemon(true);
        exit.start();
    }
}
