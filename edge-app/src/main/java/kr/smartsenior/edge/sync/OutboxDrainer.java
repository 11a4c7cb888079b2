package kr.smartsenior.edge.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import kr.smartsenior.edge.store.Acknowledged;
import kr.smartsenior.edge.store.Outbox;
import kr.smartsenior.edge.store.PendingRecord;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.ProtocolCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox records in batches and applies the server's acks, on one thread of its own.
 *
 * <p>While the link is up: takes up to {@code batchSize} due records, publishes them as one batch
 * (a fresh batch id each time), and schedules their retry at {@code now + backoff(attempts)}. At most
 * {@code maxBatchesAwaitingAck} batches wait for an ack at once; a batch stops counting when its
 * records fall due again. An ack deletes (or sets aside) the records it names and makes room for the
 * next batch. After every reconnect everything waiting is made due at once: acks may have been lost
 * while away. Between events the thread parks until the next due time or a wake-up.
 *
 * <p>Only this thread reads due records, publishes batches and applies acks; the listener methods and
 * {@link #wake()} may be called from any thread and never block.
 */
final class OutboxDrainer implements BatchLink.Listener, AutoCloseable {

    /** Acks waiting to be applied; beyond this they are dropped (their records are simply re-sent). */
    static final int ACK_QUEUE_CAPACITY = 1024;
    /** The longest the thread parks without a reason; a safety net, not a polling interval. */
    static final Duration MAX_IDLE_WAIT = Duration.ofMinutes(1);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Outbox outbox;
    private final BatchLink link;
    private final ProtocolCodec codec;
    private final Backoff backoff;
    private final String deviceId;
    private final int batchSize;
    private final int maxBatchesAwaitingAck;
    private final Clock clock;
    private final Thread thread;
    /** True while the admin has paused uploads (remote configuration): nothing is sent, records wait. */
    private final BooleanSupplier paused;
    /** Told the time of every ack applied, for the status's "last successful sync". */
    private final Consumer<Instant> synced;
    private final BlockingQueue<byte[]> acks = new ArrayBlockingQueue<>(ACK_QUEUE_CAPACITY);
    private final AtomicBoolean resendAll = new AtomicBoolean();
    /** Follows linkUp/linkDown, so nothing is sent before a connect's resend-all has been handled. */
    private volatile boolean linkIsUp;
    private volatile boolean running = true;

    /** Batch id to the time its records fall due again; only touched on the drainer thread. */
    private final Map<String, Instant> awaitingAck = new HashMap<>();

    OutboxDrainer(Outbox outbox, BatchLink link, ProtocolCodec codec, Backoff backoff, SyncSettings settings, Clock clock) {
        this(outbox, link, codec, backoff, settings, clock, () -> false, at -> { });
    }

    OutboxDrainer(Outbox outbox, BatchLink link, ProtocolCodec codec, Backoff backoff, SyncSettings settings, Clock clock,
            BooleanSupplier paused, Consumer<Instant> synced) {
        this.paused = paused;
        this.synced = synced;
        this.outbox = outbox;
        this.link = link;
        this.codec = codec;
        this.backoff = backoff;
        this.deviceId = settings.deviceId();
        this.batchSize = settings.batchSize();
        this.maxBatchesAwaitingAck = settings.maxBatchesAwaitingAck();
        this.clock = clock;
        this.thread = new Thread(this::run, "ssc-outbox-drainer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Something changed (a record was appended): look again now. */
    void wake() {
        LockSupport.unpark(thread);
    }

    @Override
    public void linkUp() {
        resendAll.set(true); // before linkIsUp: step() reads them in the opposite order
        linkIsUp = true;
        wake();
    }

    @Override
    public void linkDown() {
        linkIsUp = false;
        wake();
    }

    @Override
    public void ackArrived(byte[] payload) {
        if (!acks.offer(payload)) {
            log.warn("too many acks waiting; dropped one (its records will be sent again)");
        }
        wake();
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("the outbox drainer did not stop within {} ms", STOP_TIMEOUT.toMillis());
        }
    }

    private void run() {
        while (running) {
            Duration wait;
            try {
                wait = step();
            } catch (RuntimeException e) {
                // the store failed (disk full, file locked...): nothing is lost, try again later
                wait = backoff.initial();
                log.error("outbox drainer failed; trying again in {} ms", wait.toMillis(), e);
            }
            if (running) {
                LockSupport.parkNanos(this, Math.max(1, wait.toNanos()));
            }
        }
    }

    /** One round of work; returns how long to park unless woken. */
    Duration step() {
        applyAcks();
        boolean up = linkIsUp;
        if (resendAll.getAndSet(false)) {
            awaitingAck.clear();
            int made = outbox.makeAllDue();
            log.info("link up: {} records waiting, {} made due again", outbox.size(), made);
        }
        if (!up || !link.connected()) {
            return MAX_IDLE_WAIT; // linkUp wakes us
        }
        if (paused.getAsBoolean()) {
            return MAX_IDLE_WAIT; // a configuration that resumes uploads wakes us
        }
        Instant now = clock.instant();
        awaitingAck.values().removeIf(dueAgain -> !dueAgain.isAfter(now));
        while (running && awaitingAck.size() < maxBatchesAwaitingAck) {
            List<PendingRecord> due = outbox.due(now, batchSize);
            if (due.isEmpty()) {
                break;
            }
            if (!send(BatchPayload.fitting(due), now)) {
                return backoff.initial(); // the client would not take it now
            }
        }
        Optional<Instant> nextLook = awaitingAck.size() >= maxBatchesAwaitingAck
                ? awaitingAck.values().stream().min(Comparator.naturalOrder())
                : outbox.nextDue();
        return nextLook.map(at -> clamp(Duration.between(now, at))).orElse(MAX_IDLE_WAIT);
    }

    private boolean send(List<PendingRecord> records, Instant now) {
        String batchId = UUID.randomUUID().toString().replace("-", "");
        byte[] payload = BatchPayload.encode(codec, batchId, deviceId, OffsetDateTime.now(clock), records);
        if (!link.publishBatch(payload)) {
            return false;
        }
        int attempts = records.stream().mapToInt(PendingRecord::attempts).max().orElse(0) + 1;
        Instant dueAgain = now.plus(backoff.delay(attempts));
        outbox.scheduleRetry(records.stream().map(PendingRecord::id).toList(), dueAgain);
        awaitingAck.put(batchId, dueAgain);
        long resent = records.stream().filter(record -> record.attempts() > 0).count();
        log.info("sent batch {}: {} records ({} re-sent), {} batches awaiting ack", batchId, records.size(), resent,
                awaitingAck.size());
        return true;
    }

    private void applyAcks() {
        byte[] payload;
        while ((payload = acks.poll()) != null) {
            switch (codec.decodeAck(payload)) {
                case Decoded.Ok<Ack>(Ack ack) -> apply(ack);
                case Decoded.Malformed<Ack>(String reason) -> log.warn("ignored a malformed ack: {}", reason);
            }
        }
    }

    private void apply(Ack ack) {
        Acknowledged done = outbox.acknowledge(ack);
        synced.accept(clock.instant());
        boolean known = ack.batchId() != null && awaitingAck.remove(ack.batchId()) != null;
        log.info("ack for {}batch {}: {} accepted, {} rejected, {} records still waiting", known ? "" : "earlier ",
                printable(ack.batchId()), done.accepted(), done.rejected(), outbox.size());
        if (done.rejected() > 0) {
            log.warn("the server rejected {} records; they are kept in the local store for staff", done.rejected());
        }
    }

    /** Batch ids in acks come from the network: log them only when they look like ours. */
    private static String printable(String batchId) {
        return batchId != null && BATCH_ID.matcher(batchId).matches() ? batchId : "(unreadable id)";
    }

    private static Duration clamp(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_IDLE_WAIT) > 0 ? MAX_IDLE_WAIT : wait;
    }
}
