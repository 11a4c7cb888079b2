package kr.smartsenior.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bounded hand-over between the MQTT client thread and the ingest worker. {@link #accept} never
 * waits: when the queue is full (the database is slower than the kiosks) the message is dropped
 * un-acked at once and counted; its kiosk re-sends it (decision 0033). Waiting here would stop the
 * MQTT client reading, which is how the server once stalled for good.
 */
@Component
final class IngestQueue {

    private static final Logger log = LoggerFactory.getLogger(IngestQueue.class);

    private final BlockingQueue<Inbound> queue;
    private final int capacity;
    private final IngestCounters counters;
    private volatile boolean closed;

    IngestQueue(IngestSettings settings, IngestCounters counters) {
        this.capacity = settings.queueCapacity();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.counters = counters;
    }

    /** A {@code BrokerConnection.Listener}: enqueues or drops, returns at once, never throws. */
    void accept(String topic, byte[] payload, Instant arrivedAt) {
        if (closed) {
            return;
        }
        if (!queue.offer(new Inbound(topic, payload, arrivedAt))) {
            long dropped = counters.droppedUnacked.incrementAndGet();
            counters.lastDropAt.set(arrivedAt.toEpochMilli());
            if (dropped == 1 || dropped % 1000 == 0) {
                log.warn("ingest behind: queue full ({} messages); dropped a message un-acked, its kiosk will resend"
                        + " ({} dropped so far)", capacity, dropped);
            }
        }
    }

    /** Waits up to {@code wait} for a first message, then takes up to {@code max} in all. */
    List<Inbound> takeGroup(int max, Duration wait) throws InterruptedException {
        Inbound first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Inbound> group = new ArrayList<>(max);
        group.add(first);
        queue.drainTo(group, max - 1);
        return group;
    }

    int size() {
        return queue.size();
    }

    int capacity() {
        return capacity;
    }

    /** Refuses further messages and forgets the waiting ones; returns how many were forgotten. */
    int close() {
        closed = true;
        int left = queue.size();
        queue.clear();
        return left;
    }
}
