package dev.vigil.watchdog;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a round every interval (measured start to start) until {@link #stop()}. A round that throws something
 * unexpected is reported and the next one runs anyway: the daemon only ends when told to.
 */
public final class WatchdogDaemon {

    private final Watchdog watchdog;
    private final Duration interval;
    private final EventLog log;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    public WatchdogDaemon(Watchdog watchdog, Duration interval, EventLog log) {
        this.watchdog = watchdog;
        this.interval = interval;
        this.log = log;
    }

    /** Runs rounds on the calling thread until stopped. */
    public void run() {
        try {
            while (stop.getCount() > 0) {
                long started = System.nanoTime();
                try {
                    watchdog.round();
                } catch (RuntimeException e) {
                    log.alert("round failed, trying again next round: " + e);
                }
                long waitNanos = interval.toNanos() - (System.nanoTime() - started);
                if (waitNanos > 0 && stop.await(waitNanos, TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            log.info("watchdog stopped");
            stopped.countDown();
        }
    }

    /** Asks the loop to end after the current round and waits up to {@code grace} for it. */
    public boolean stop(Duration grace) {
        stop.countDown();
        try {
            return stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
