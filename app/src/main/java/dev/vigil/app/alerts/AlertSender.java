package dev.vigil.app.alerts;

import dev.vigil.app.notify.Channel;
import dev.vigil.app.notify.ChannelContext;
import dev.vigil.app.notify.ChannelKinds;
import dev.vigil.app.notify.SendResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One alert sender instance: a loop thread that, at least every poll interval, marks due checks down, fans flips out
 * into notifications (or held alerts), releases held alerts whose hold has ended and claims notifications, and a pool of delivery threads that hands them to their channels.
 * Everything shared lives in PostgreSQL, so any number of instances (one per app server) run side by side and each
 * notification goes out once. While {@code paused} says so (the maintenance file), nothing new is claimed; the
 * deliveries in flight finish and are recorded, and then the sender is idle.
 */
public final class AlertSender {

    private static final Logger LOG = Logger.getLogger(AlertSender.class.getName());
    private static final long ERROR_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Notifications claimed per delivery thread: a few queued per thread keeps the threads busy between rounds. */
    static final int CLAIMS_PER_THREAD = 4;
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SCAN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What the sender is doing, for the health endpoint and rolling deploys. */
    public record Status(boolean running, boolean paused, int inFlight) {

        /** No delivery in flight and no result waiting to be recorded. */
        public boolean idle() {
            return inFlight == 0;
        }

        /** "running idle", "paused busy 3", "off idle": one line that a deploy script can wait for. */
        public String line() {
            return (!running ? "off" : paused ? "paused" : "running") + (idle() ? " idle" : " busy " + inFlight);
        }
    }

    private final DataSource dataSource;
    private final ChannelKinds kinds;
    private final ChannelContext context;
    private final SenderSettings settings;
    private final BooleanSupplier paused;
    private final NotificationQueue queue;
    private final DueChecks dueChecks = new DueChecks();
    private final String name;
    private final ThreadFactory threads;

    private final BlockingQueue<NotificationQueue.Outcome> results = new LinkedBlockingQueue<>();
    private final List<NotificationQueue.Outcome> unrecorded = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waitingToBeRecorded = new AtomicInteger();
    private final AtomicLong claims = new AtomicLong();
    private volatile boolean running;
    private volatile Duration stopGrace = Duration.ZERO;
    private Thread loop;
    private ExecutorService deliveries;
    private long lastErrorLog;
    private Connection connection; // the loop thread's own
    private long lastScan = System.nanoTime() - SCAN_INTERVAL_NANOS;
    private boolean scanAgain;

    /**
     * @param name    this instance's name in the attempt log (host name and process, say)
     * @param paused  true while the sender must not take new work
     * @param bodies  reads ping bodies kept in object storage
     * @param threads makes the loop and delivery threads (the container's managed threads in the app)
     */
    public AlertSender(String name, DataSource dataSource, ChannelKinds kinds, ChannelContext context,
            SenderSettings settings, BooleanSupplier paused, PingBodies bodies, ThreadFactory threads) {
        this.name = name;
        this.dataSource = dataSource;
        this.kinds = kinds;
        this.context = context;
        this.settings = settings;
        this.paused = paused;
        this.queue = new NotificationQueue(context.siteRoot(), bodies);
        this.threads = threads;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        deliveries = new ThreadPoolExecutor(settings.deliveryThreads(), settings.deliveryThreads(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
        loop = threads.newThread(this::run);
        loop.setName("vigil-alert-sender");
        loop.start();
        LOG.info(() -> "alert sender " + name + " started (" + settings.deliveryThreads() + " delivery threads, poll "
                + settings.pollInterval().toMillis() + " ms, lease " + settings.lease().toSeconds() + " s)");
    }

    /**
     * Stops: takes no new work, waits up to {@code grace} for deliveries in flight and records them. Deliveries
     * still running after that are abandoned with their leases, and another sender takes them over when the leases
     * end. {@code Duration.ZERO} stops at once, like a crash.
     */
    public void stop(Duration grace) {
        Thread t;
        synchronized (this) {
            if (!running) {
                return;
            }
            stopGrace = grace;
            running = false;
            t = loop;
        }
        t.interrupt();
        try {
            t.join(grace.toMillis() + 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliveries.shutdownNow();
        LOG.info(() -> "alert sender " + name + " stopped");
    }

    public Status status() {
        return new Status(running, paused.getAsBoolean(), inFlight.get() + waitingToBeRecorded.get());
    }

    private void run() {
        while (running) {
            try {
                if (!tick()) {
                    waitForResults(settings.pollInterval());
                }
            } catch (SQLException | RuntimeException e) {
                logError(e);
                waitForResults(settings.pollInterval());
            }
        }
        finish();
    }

    /** One round; true when there may be more work right away. */
    private boolean tick() throws SQLException {
        results.drainTo(unrecorded);
        boolean pausedNow = paused.getAsBoolean();
        int free = CLAIMS_PER_THREAD * settings.deliveryThreads() - inFlight.get();
        if (unrecorded.isEmpty() && (pausedNow || free <= 0)) {
            return false;
        }
        Connection c = connection();
        try {
            record(c);
            if (pausedNow || free <= 0) {
                return false;
            }
            long now = System.nanoTime();
            if (now - lastScan >= SCAN_INTERVAL_NANOS || scanAgain) {
                // rounds that only record and claim come fast under load; looking for due checks and new flips
                // every 100 ms is plenty
                lastScan = now;
                DueChecks.Round due = dueChecks.markDown(c, settings.batch());
                int created = FlipFanOut.fanOut(c, settings.batch());
                int released = HeldAlerts.release(c, settings.batch());
                c.commit();
                scanAgain = due.claimed() == settings.batch() || created >= settings.batch()
                        || released == settings.batch();
            }
            String claim = name + "#" + claims.incrementAndGet();
            List<Claimed> claimed = queue.claim(c, claim, free, settings.lease());
            c.commit();
            claimed.forEach(this::dispatch);
            return scanAgain || claimed.size() == free;
        } catch (SQLException | RuntimeException e) {
            closeConnection(); // rolls back; the next round starts on a fresh connection
            throw e;
        }
    }

    /** The loop keeps one connection while things go well: a round is a few short statements. */
    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                // broken already
            }
            connection = null;
        }
    }

    private void record(Connection c) throws SQLException {
        if (unrecorded.isEmpty()) {
            return;
        }
        queue.record(c, unrecorded, name, settings);
        c.commit();
        waitingToBeRecorded.addAndGet(-unrecorded.size());
        unrecorded.clear(); // only now: a failed write is tried again in the next round
    }

    private void dispatch(Claimed n) {
        inFlight.incrementAndGet();
        deliveries.execute(() -> {
            SendResult result = deliver(n);
            if (!running && stopGrace.isZero()) {
                inFlight.decrementAndGet();
                return; // stopped at once: the result is not recorded, the lease will end
            }
            waitingToBeRecorded.incrementAndGet();
            inFlight.decrementAndGet();
            results.add(new NotificationQueue.Outcome(n, result));
        });
    }

    private SendResult deliver(Claimed n) {
        if (n.alert() == null) {
            return new SendResult.Failed("the check no longer exists");
        }
        if (n.channel() == null) {
            return new SendResult.Failed("the channel no longer exists");
        }
        if (n.channelDisabled()) {
            return new SendResult.Failed("the channel is disabled");
        }
        Channel channel = kinds.get(n.channel().kind()).orElse(null);
        if (channel == null) {
            return new SendResult.Failed("this server has no channel kind \"" + n.channel().kind() + "\"");
        }
        try {
            return channel.send(n.alert(), n.channel(), context);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notifying check " + n.checkId() + " via channel " + n.channelId() + " failed", e);
            return new SendResult.Failed("error while sending: " + e.getMessage());
        }
    }

    /** After the loop: wait for deliveries in flight (up to the grace time) and record their outcomes. */
    private void finish() {
        if (stopGrace.isZero()) {
            closeConnection();
            return;
        }
        long deadline = System.nanoTime() + stopGrace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            waitForResults(Duration.ofMillis(100));
        }
        results.drainTo(unrecorded);
        try {
            if (!unrecorded.isEmpty()) {
                record(connection());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the last deliveries; their leases will end and another sender "
                    + "may send them again", e);
        } finally {
            closeConnection();
        }
    }

    private void waitForResults(Duration timeout) {
        try {
            NotificationQueue.Outcome first = results.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return;
            }
            unrecorded.add(first);
            // let a few more finish, so that one round records and claims many instead of one at a time
            long lingerEnd = System.nanoTime() + LINGER_NANOS;
            while (inFlight.get() > 0) {
                long left = lingerEnd - System.nanoTime();
                NotificationQueue.Outcome next = left > 0 ? results.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    break;
                }
                unrecorded.add(next);
            }
        } catch (InterruptedException e) {
            // stop() interrupts to end the wait; the loop condition decides
        }
    }

    private void logError(Exception e) {
        long now = System.nanoTime();
        if (lastErrorLog == 0 || now - lastErrorLog > ERROR_LOG_INTERVAL_NANOS) {
            lastErrorLog = now;
            LOG.log(Level.WARNING, "alert sender " + name + ": " + e + " (trying again; repeats are logged once a "
                    + "minute)", e);
        }
    }
}
