package kr.smartsenior.server.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.config.SscProperties;
import kr.smartsenior.server.mqtt.BrokerConnection;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A preparing thread and store threads (decisions 0043, 0044): {@code ssc-ingest} drains the ingest
 * queue in groups and has the {@link IngestProcessor} decode and check each; each of the
 * {@code SSC_INGEST_WRITERS} store threads ({@code ssc-ingest-store-1}, {@code -2}, …) takes a prepared
 * group, stores it in a transaction of its own and acks it. The first hands each prepared group straight
 * to a free store thread, so while the database commits one group the next is stored and the one after
 * decoded; when storing falls behind the first thread waits and the ingest queue fills (and drops
 * un-acked, as before). Two transactions may meet the same record id (a kiosk's re-send): the store
 * sorts by id and lets the later one find it stored, as between two server instances. A failing group
 * is logged and the threads go on. At shutdown every prepared group is still stored and acked. Subscribes to the
 * measurements of every device: as a shared subscription on an external broker, so that several
 * server instances split the load, and plainly on the embedded one.
 */
@Component
final class IngestWorker extends BackgroundWorker {

    /**
     * Messages per group at most. A group takes what is queued, up to this: one message when the kiosks
     * are quiet (no waiting for company), hundreds when the queue is deep, so a transaction, its
     * statement and its commit carry more records exactly when throughput matters (decision 0036).
     */
    static final int GROUP_SIZE = 256;
    private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);

    private final IngestQueue queue;
    private final IngestProcessor processor;
    private final BrokerConnection connection;
    private final String filter;
    /**
     * Hands a prepared group straight to a free store thread: no queue between them, so at most one group
     * per writer is stored and one prepared. A queue of one more group (one writer) measured 3 groups in
     * flight and ack p50 ~400 ms at 5,000 records/s.
     */
    private final BlockingQueue<IngestProcessor.Prepared> prepared = new SynchronousQueue<>();
    private final int writers;
    private volatile boolean preparing;
    private Thread thread;
    private final List<Thread> storeThreads = new ArrayList<>();

    IngestWorker(IngestQueue queue, IngestProcessor processor, BrokerConnection connection, SscProperties properties,
            IngestSettings settings) {
        super(Worker.INGEST);
        this.writers = settings.writers();
        this.queue = queue;
        this.processor = processor;
        this.connection = connection;
        this.filter = properties.mqtt().embedded()
                ? Topics.everyDevice(Channel.MEASUREMENTS)
                : Topics.sharedEveryDevice(properties.mqtt().sharedGroup(), Channel.MEASUREMENTS);
    }

    @Override
    protected void startWork() {
        preparing = true;
        for (int i = 1; i <= writers; i++) {
            storeThreads.add(namedThread().name(Worker.INGEST.threadName() + "-store" + (writers > 1 ? "-" + i : ""))
                    .start(this::storeGroups));
        }
        thread = namedThread().start(this::prepareGroups);
        connection.subscribe(filter, queue::accept);
    }

    private void prepareGroups() {
        try {
            while (isRunning()) {
                try {
                    List<Inbound> group = queue.takeGroup(GROUP_SIZE, Duration.ofMillis(200));
                    if (!group.isEmpty()) {
                        Optional<IngestProcessor.Prepared> ready = processor.prepare(group);
                        if (ready.isPresent()) {
                            prepared.put(ready.get());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Throwable e) {
                    log.error("ingest group failed; its messages stay un-acked and the kiosks will resend", e);
                }
            }
        } finally {
            preparing = false;
        }
    }

    /** Stores what the other thread prepared, until it has stopped and nothing prepared is left. */
    private void storeGroups() {
        while (preparing || !prepared.isEmpty()) {
            try {
                IngestProcessor.Prepared next = prepared.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    processor.store(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                log.error("storing an ingest group failed; its messages stay un-acked and the kiosks will resend", e);
            }
        }
    }

    @Override
    protected void stopWork() {
        int left = queue.close();
        List<Thread> running = new ArrayList<>();
        running.add(thread); // the preparing thread first: the store threads go on until it has stopped
        running.addAll(storeThreads);
        for (Thread each : running) {
            if (each != null) {
                try {
                    each.join(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        log.info("ingest stopped{}", left > 0 ? "; " + left + " queued messages left un-acked for the kiosks to resend" : "");
    }
}
