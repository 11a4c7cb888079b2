package kr.smartsenior.server.ingest;

import java.time.Duration;
import java.util.List;
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
 * The one thread that drains the ingest queue in groups and hands them to the
 * {@link IngestProcessor}. A failing group is logged and the thread goes on. Subscribes to the
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
    private Thread thread;

    IngestWorker(IngestQueue queue, IngestProcessor processor, BrokerConnection connection, SscProperties properties) {
        super(Worker.INGEST);
        this.queue = queue;
        this.processor = processor;
        this.connection = connection;
        this.filter = properties.mqtt().embedded()
                ? Topics.everyDevice(Channel.MEASUREMENTS)
                : Topics.sharedEveryDevice(properties.mqtt().sharedGroup(), Channel.MEASUREMENTS);
    }

    @Override
    protected void startWork() {
        thread = namedThread().start(this::run);
        connection.subscribe(filter, queue::accept);
    }

    private void run() {
        while (isRunning()) {
            try {
                List<Inbound> group = queue.takeGroup(GROUP_SIZE, Duration.ofMillis(200));
                if (!group.isEmpty()) {
                    processor.process(group);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                log.error("ingest group failed; its messages stay un-acked and the kiosks will resend", e);
            }
        }
    }

    @Override
    protected void stopWork() {
        int left = queue.close();
        if (thread != null) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("ingest stopped{}", left > 0 ? "; " + left + " queued messages left un-acked for the kiosks to resend" : "");
    }
}
