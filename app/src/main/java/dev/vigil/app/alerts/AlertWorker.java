package dev.vigil.app.alerts;

import dev.vigil.app.bodies.BodyStorage;
import dev.vigil.app.bodies.PingBody;
import dev.vigil.app.db.SchemaReady;
import dev.vigil.app.db.VigilDataSource;
import dev.vigil.app.health.MaintenanceFlag;
import dev.vigil.app.notify.ChannelKinds;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/** Runs this server's {@link AlertSender} from the start of the application to its end (unless switched off). */
@ApplicationScoped
public class AlertWorker {

    private static final Logger LOG = Logger.getLogger(AlertWorker.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MaintenanceFlag maintenance;

    @Inject
    BodyStorage bodies;

    private AlertSender sender;

    void start(@Observes SchemaReady ready) {
        AlertConfig config = new AlertConfig(ConfigProvider.getConfig());
        if (!config.enabled()) {
            LOG.info("alert sender off (VIGIL_ALERTS_ENABLED=false)");
            return;
        }
        sender = new AlertSender(instanceName(), dataSource, ChannelKinds.builtIn(), config.channels(),
                config.sender(), maintenance::active, this::storedBody, threads);
        sender.start();
    }

    /** A body kept in object storage, as the email channel shows it. */
    private String storedBody(UUID checkId, long n, String objectKey) {
        try {
            return bodies.read(objectKey) instanceof PingBody.Present p
                    ? new String(p.bytes(), StandardCharsets.UTF_8) : PingBodies.STILL_PROCESSING;
        } catch (RuntimeException e) {
            LOG.warning(() -> "cannot read the body of ping " + n + " of check " + checkId + ": " + e.getMessage());
            return PingBodies.STILL_PROCESSING;
        }
    }

    public AlertSender.Status status() {
        return sender == null ? new AlertSender.Status(false, maintenance.active(), 0) : sender.status();
    }

    @PreDestroy
    void stop() {
        if (sender != null) {
            sender.stop(STOP_GRACE);
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
