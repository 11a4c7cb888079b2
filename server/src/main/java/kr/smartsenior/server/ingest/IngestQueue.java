package kr.smartsenior.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bounded hand-over between the MQTT client thread and the ingest worker. When it stays full
 * (the database is slower than the kiosks), a message is dropped un-acked: its kiosk resends it.
 */
@Component
final class IngestQueue {

    static final int CAPACITY = 1000;
    private static final long OFFER_WAIT_MS = 2000;
    private static final Logger log = LoggerFactory.getLogger(IngestQueue.class);

    private final BlockingQueue<Inbound> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final IngestCounters counters;
    private volatile boolean closed;

    IngestQueue(IngestCounters counters) {
        this.counters = counters;
    }

    /** A {@code BrokerConnection.Listener}: enqueues and returns, never throws. */
    void accept(String topic, byte[] payload, Instant arrivedAt) {
        if (closed) {
            return;
        }
        try {
            if (!queue.offer(new Inbound(topic, payload, arrivedAt), OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                long dropped = counters.ignored.incrementAndGet();
                if (dropped == 1 || dropped % 100 == 0) {
                    log.warn("ingest queue full ({} messages); dropped a message un-acked, its kiosk will resend"
                            + " ({} ignored so far)", CAPACITY, dropped);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code wait} for a first message, then takes up to {@code max} in all. */
    List<Inbound> takeGroup(int max, Duration wait) throws InterruptedException {
        Inbound first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Inbound> group = new java.util.ArrayList<>(max);
        group.add(first);
        queue.drainTo(group, max - 1);
        return group;
    }

    /** Refuses further messages and forgets the waiting ones; returns how many were forgotten. */
    int close() {
        closed = true;
        int left = queue.size();
        queue.clear();
        return left;
    }
}
