package dev.vigil.app.reports;

import dev.vigil.app.alerts.AlertConfig;
import dev.vigil.app.db.SchemaReady;
import dev.vigil.app.db.VigilDataSource;
import dev.vigil.app.health.MaintenanceFlag;
import dev.vigil.app.notify.ChannelContext;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks for due reports and reminders once a minute on every server (VIGIL_REPORTS_ENABLED), except in maintenance.
 */
@ApplicationScoped
public class ReportWorker {

    private static final Logger LOG = Logger.getLogger(ReportWorker.class.getName());

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MaintenanceFlag maintenance;

    private ScheduledFuture<?> task;

    void start(@Observes SchemaReady ready) {
        if (!ConfigProvider.getConfig().getOptionalValue("vigil.reports.enabled", Boolean.class).orElse(true)) {
            LOG.info("reports off (VIGIL_REPORTS_ENABLED=false)");
            return;
        }
        ChannelContext channels = new AlertConfig(ConfigProvider.getConfig()).channels();
        ReportJob reports = new ReportJob(dataSource, channels.mail(), channels.siteRoot());
        ReminderJob reminders = new ReminderJob(dataSource, channels.mail(), channels.siteRoot());
        task = scheduler.scheduleWithFixedDelay(() -> {
            if (maintenance.active()) {
                return;
            }
            run("report", reports::runOnce);
            run("reminder", reminders::runOnce);
        }, 30, 60, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    private interface Job {
        int runOnce() throws Exception;
    }

    /** One job's round; its failure is logged and leaves the other job's round alone. */
    private static void run(String what, Job job) {
        try {
            int sent = job.runOnce();
            if (sent > 0) {
                LOG.info(() -> sent + " " + what + (sent == 1 ? "" : "s") + " sent");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, what + " job failed; trying again in a minute", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
