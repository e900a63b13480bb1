package dev.vigil.app.ping;

import dev.vigil.app.bodies.BodyStorage;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.app.db.Transactions;
import dev.vigil.app.db.VigilDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for pings. Request threads hand their ping to a queue and get the answer later; a writer thread
 * takes everything that has queued up while its previous transaction committed and writes it as one batch. Under
 * load the batches grow and the cost per ping falls; when idle a batch holds a single ping and nothing waits.
 * <p>
 * There are several writers ({@code VIGIL_PING_WRITERS}), each with its own queue and connection, so that one
 * batch is built while another waits for the database or for its commit to reach the disk. Pings are spread over
 * the writers by check (UUID, or ping key and slug), so the pings of one check are written in arrival order, and two
 * writers of this server never wait for each other's row locks.
 */
@ApplicationScoped
public class PingCommitter {

    private static final Logger LOG = Logger.getLogger(PingCommitter.class.getName());
    private static final int QUEUE_CAPACITY = 50_000;

    private record Pending(PingRequest request, Consumer<PingResult> reply) {
    }

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedExecutorService background;

    @Inject
    PingSettings settings;

    @Inject
    Transactions transactions;

    @Inject
    BodyStorage bodies;

    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;
    private PingBatchWriter batchWriter;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        batchWriter = new PingBatchWriter(new ScheduleCache(), settings.pingsKept(), bodies);
        running = true;
        int count = settings.writers();
        for (int i = 0; i < count; i++) {
            BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(Math.max(1_000, QUEUE_CAPACITY / count));
            queues.add(queue);
            Thread writer = threads.newThread(() -> run(queue));
            writer.setName("vigil-ping-writer-" + (i + 1));
            writers.add(writer);
            writer.start();
        }
    }

    /** Queues a ping; false when the queue is full (the caller answers 503 so the client retries). */
    public boolean submit(PingRequest request, Consumer<PingResult> reply) {
        return running && queues.get(Math.floorMod(laneKey(request.url()).hashCode(), queues.size()))
                .offer(new Pending(request, reply));
    }

    /** Which writer takes a ping: all pings of one check URL go to the same one. */
    private static Object laneKey(PingUrl url) {
        return url.bySlug() ? url.pingKey() + '/' + url.slug() : url.checkId();
    }

    @PreDestroy
    void stop() {
        running = false;
        writers.forEach(Thread::interrupt);
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queues.forEach(q -> q.drainTo(left));
        left.forEach(p -> p.reply().accept(PingResult.UNAVAILABLE));
    }

    private void run(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>();
        List<PingRequest> requests = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.batchMax() - 1);
            } catch (InterruptedException e) {
                if (!running && queue.isEmpty()) {
                    break;
                }
                continue; // stopping: finish what is queued first
            }
            batch.forEach(p -> requests.add(p.request()));
            List<PingResult> results = writeWithRetries(requests);
            for (int i = 0; i < batch.size(); i++) {
                try {
                    batch.get(i).reply().accept(results.get(i));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "could not answer a ping (client gone?)", e);
                }
            }
            batch.clear();
            requests.clear();
        }
    }

    private List<PingResult> writeWithRetries(List<PingRequest> requests) {
        try {
            // the writer commits itself, before its after-commit steps (discarding and uploading bodies); the
            // commit Transactions adds is then a no-op, and what it brings is the one retry policy
            PingBatchWriter.Written w = transactions.run(c -> batchWriter.write(c, requests));
            if (!w.prunes().isEmpty()) {
                background.execute(() -> prune(w.prunes()));
            }
            return w.results();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write " + requests.size() + " pings; answering 503", e);
            requests.stream().filter(r -> r.spooled() != null).forEach(r -> bodies.discard(r.spooled()));
            List<PingResult> unavailable = new ArrayList<>(requests.size());
            requests.forEach(r -> unavailable.add(PingResult.UNAVAILABLE));
            return unavailable;
        }
    }

    private void prune(List<PingBatchWriter.Prune> prunes) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("DELETE FROM pings WHERE check_id = ? AND n <= ?")) {
            for (PingBatchWriter.Prune p : prunes) {
                st.setObject(1, p.checkId());
                st.setLong(2, p.upTo());
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "pruning old pings failed; it is retried at the next hundredth ping", e);
            return;
        }
        prunes.forEach(p -> bodies.pruneSoon(p.checkId(), p.upTo() + 1));
    }
}
