package kr.smartsenior.server.ingest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The benchmark's kiosks: each a device id of its own with its own {@code measurements} and
 * {@code acks} topics, sharing a pool of MQTT connections (kiosk {@code i} on connection
 * {@code i % connections}; with as many connections as kiosks, each kiosk has its own). They follow
 * the kiosk's rules (OutboxDrainer): at most {@value #AWAITING} batches awaiting an ack (one in the
 * closed loop), an un-acked batch re-sent under a fresh batch id after a backoff of 2 s doubling to
 * 120 s with jitter. Payloads are built when sent and rebuilt for a re-send ({@link BenchRecords}),
 * so memory holds counters and one bit per record, whatever the run's length.
 */
final class KioskFleet implements AutoCloseable {

    /** The kiosk's own limit ({@code SyncSettings.DEFAULT_MAX_BATCHES_AWAITING_ACK}). */
    static final int AWAITING = 8;
    private static final long INITIAL_BACKOFF_MS = 2_000;
    private static final long MAX_BACKOFF_MS = 120_000;
    private static final ZoneOffset SEOUL = ZoneOffset.ofHours(9);

    /** A site of the run and its members. */
    record Site(String id, List<String> members) {
    }

    enum Load { IDLE, CLOSED_LOOP, FIXED_RATE, BACKLOG }

    private final ProtocolCodec codec = new ProtocolCodec();
    private final BenchRecords records;
    private final Kiosk[] kiosks;
    private final Map<String, Kiosk> byDevice = new HashMap<>();
    private final MqttAsyncClient[] links;
    private final int batchSize;
    private final boolean checkAccepted;
    final AckLatencies latencies = new AckLatencies();
    final LongAdder ackedRecords = new LongAdder();
    final LongAdder sentBatches = new LongAdder();
    final LongAdder resentBatches = new LongAdder();
    final LongAdder publishRefused = new LongAdder();
    final LongAdder rejectedRecords = new LongAdder();
    final LongAdder wrongAcks = new LongAdder();
    private final List<Long> ackedPerSecond = new ArrayList<>();
    private volatile Load load = Load.IDLE;
    private volatile double rate;
    private volatile long lastAckNanos = System.nanoTime();
    private volatile long longestGapNanos;
    private volatile boolean running = true;
    private final Thread ticker;

    private final class Kiosk {
        final int index;
        final String deviceId;
        final String topic;
        final String ackTopic;
        final List<String> members;
        final MqttAsyncClient link;
        final Map<String, Batch> awaiting = new HashMap<>();
        final BitSet acked = new BitSet();
        long produced;
        long nextUnsent;
        long batchNumber;

        Kiosk(int index, Site site, MqttAsyncClient link) {
            this.index = index;
            this.deviceId = "k" + index;
            this.topic = Topics.of(site.id(), deviceId, Channel.MEASUREMENTS);
            this.ackTopic = Topics.of(site.id(), deviceId, Channel.ACKS);
            this.members = site.members();
            this.link = link;
        }
    }

    private static final class Batch {
        final long firstSeq;
        final int count;
        final long firstSentNanos;
        int attempt;
        long dueNanos;

        Batch(long firstSeq, int count, long firstSentNanos) {
            this.firstSeq = firstSeq;
            this.count = count;
            this.firstSentNanos = firstSentNanos;
        }
    }

    /**
     * @param checkAccepted true against the server (an ack must name the batch's records); false against
     *                      the trivial subscriber, whose acks name none
     */
    KioskFleet(String brokerUri, int run, List<Site> sites, int kioskCount, int connections, int batchSize,
            boolean checkAccepted) throws MqttException {
        this.records = new BenchRecords(run);
        this.batchSize = batchSize;
        this.checkAccepted = checkAccepted;
        this.links = new MqttAsyncClient[Math.min(connections, kioskCount)];
        this.kiosks = new Kiosk[kioskCount];
        for (int c = 0; c < links.length; c++) {
            links[c] = new MqttAsyncClient(brokerUri, "bench-" + Integer.toHexString(run) + "-" + checkAccepted + "-" + c,
                    new MemoryPersistence());
            links[c].setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    System.err.println("bench kiosk connection lost: " + cause);
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    onAck(topic, message.getPayload());
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
        }
        int perSite = (kioskCount + sites.size() - 1) / sites.size();
        for (int i = 0; i < kioskCount; i++) {
            Site site = sites.get(i / perSite);
            kiosks[i] = new Kiosk(i, site, links[i % links.length]);
            byDevice.put(site.id() + "/" + kiosks[i].deviceId, kiosks[i]);
        }
        ticker = Thread.ofPlatform().name("bench-fleet").daemon().start(this::tick);
    }

    /** Connects every connection at once and subscribes each to its kiosks' acks; returns the seconds it took. */
    double connect() throws MqttException {
        long started = System.nanoTime();
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(10_000);
        options.setConnectionTimeout(60);
        options.setKeepAliveInterval(60);
        List<IMqttToken> connecting = new ArrayList<>();
        for (MqttAsyncClient link : links) {
            connecting.add(link.connect(options));
        }
        for (IMqttToken token : connecting) {
            token.waitForCompletion(120_000);
        }
        List<IMqttToken> subscribing = new ArrayList<>();
        for (int c = 0; c < links.length; c++) {
            List<String> filters = new ArrayList<>();
            for (int i = c; i < kiosks.length; i += links.length) {
                filters.add(kiosks[i].ackTopic);
            }
            int[] qos = new int[filters.size()];
            java.util.Arrays.fill(qos, Channel.QOS);
            subscribing.add(links[c].subscribe(filters.toArray(String[]::new), qos));
        }
        for (IMqttToken token : subscribing) {
            token.waitForCompletion(120_000);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Every kiosk keeps one batch waiting for its ack: the next one goes out when the ack arrives. */
    void closedLoop() {
        load = Load.CLOSED_LOOP;
        for (Kiosk kiosk : kiosks) {
            synchronized (kiosk) {
                pump(kiosk, System.nanoTime());
            }
        }
    }

    /** Records appear on the kiosks at this many a second in all; a kiosk sends a batch once it has a full one. */
    void fixedRate(double recordsPerSecond) {
        rate = recordsPerSecond;
        load = Load.FIXED_RATE;
    }

    /** Every kiosk gets this many records at once and sends them as its outbox would (no new ones after). */
    void backlog(int recordsPerKiosk) {
        for (Kiosk kiosk : kiosks) {
            synchronized (kiosk) {
                kiosk.produced += recordsPerKiosk;
            }
        }
        load = Load.BACKLOG;
    }

    /** No new records; what is produced still goes out and is re-sent until acked. */
    void stopProducing() {
        load = Load.BACKLOG;
    }

    /** True once every record produced was acked (or rejected), false if that took longer than {@code timeout}. */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (unackedRecords() == 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Records produced and not acked yet, over every kiosk. */
    long unackedRecords() {
        long left = 0;
        for (Kiosk kiosk : kiosks) {
            synchronized (kiosk) {
                left += kiosk.produced - kiosk.acked.cardinality();
            }
        }
        return left;
    }

    /** Per kiosk, how many records it has produced so far (to ask later whether all of those were acked). */
    long[] producedMarks() {
        long[] marks = new long[kiosks.length];
        for (int i = 0; i < kiosks.length; i++) {
            synchronized (kiosks[i]) {
                marks[i] = kiosks[i].produced;
            }
        }
        return marks;
    }

    /** Whether every kiosk had its first {@code marks[i]} records acked. */
    boolean ackedUpTo(long[] marks) {
        for (int i = 0; i < kiosks.length; i++) {
            synchronized (kiosks[i]) {
                if (kiosks[i].acked.nextClearBit(0) < marks[i]) {
                    return false;
                }
            }
        }
        return true;
    }

    long ackedTotal() {
        return ackedRecords.sum();
    }

    /** Records acked in each second since the fleet started (a snapshot). */
    List<Long> ackedPerSecond() {
        synchronized (ackedPerSecond) {
            return List.copyOf(ackedPerSecond);
        }
    }

    /** The longest time without any ack while kiosks were waiting for one, in seconds. */
    double longestAckGapSeconds() {
        return longestGapNanos / 1e9;
    }

    void resetLongestGap() {
        lastAckNanos = System.nanoTime();
        longestGapNanos = 0;
    }

    /** One bit per kiosk and sequence number, for the ids read back from the database. */
    final class StoredIds {

        private final BitSet[] stored = new BitSet[kiosks.length];

        StoredIds() {
            for (int i = 0; i < stored.length; i++) {
                stored[i] = new BitSet();
            }
        }

        void add(UUID id) {
            int kiosk = records.kioskOf(id);
            if (kiosk >= 0 && kiosk < kiosks.length) {
                stored[kiosk].set((int) BenchRecords.seqOf(id));
            }
        }
    }

    /**
     * Compares what was acked with what is stored: the ids of this run read back from the database.
     *
     * @return {records acked but not stored, records stored but never acked}
     */
    long[] compare(StoredIds storedIds) {
        BitSet[] stored = storedIds.stored;
        long lost = 0;
        long unacked = 0;
        for (int i = 0; i < kiosks.length; i++) {
            synchronized (kiosks[i]) {
                BitSet ackedNotStored = (BitSet) kiosks[i].acked.clone();
                ackedNotStored.andNot(stored[i]);
                lost += ackedNotStored.cardinality();
                BitSet storedNotAcked = (BitSet) stored[i].clone();
                storedNotAcked.andNot(kiosks[i].acked);
                unacked += storedNotAcked.cardinality();
            }
        }
        return new long[] {lost, unacked};
    }

    private void onAck(String topic, byte[] payload) {
        long now = System.nanoTime();
        Topics.Address address = Topics.parse(topic).orElse(null);
        Kiosk kiosk = address == null ? null : byDevice.get(address.siteId() + "/" + address.deviceId());
        if (kiosk == null || !(codec.decodeAck(payload) instanceof Decoded.Ok<Ack>(Ack ack))) {
            wrongAcks.increment();
            return;
        }
        synchronized (kiosk) {
            Batch batch = kiosk.awaiting.remove(ack.batchId());
            if (batch == null) {
                return; // the ack of an earlier send of a batch re-sent since: its new ack will come
            }
            latencies.add(now - batch.firstSentNanos);
            int newlyAcked;
            if (checkAccepted) {
                int before = kiosk.acked.cardinality();
                for (UUID id : ack.accepted()) {
                    long seq = BenchRecords.seqOf(id);
                    if (records.kioskOf(id) == kiosk.index && seq >= batch.firstSeq && seq < batch.firstSeq + batch.count) {
                        kiosk.acked.set((int) seq);
                    } else {
                        wrongAcks.increment();
                    }
                }
                rejectedRecords.add(ack.rejected().size());
                for (var rejection : ack.rejected()) { // a rejection is final: the kiosk forgets it too
                    try {
                        kiosk.acked.set((int) BenchRecords.seqOf(UUID.fromString(rejection.id())));
                    } catch (IllegalArgumentException e) {
                        wrongAcks.increment();
                    }
                }
                newlyAcked = kiosk.acked.cardinality() - before;
            } else {
                int before = kiosk.acked.cardinality();
                kiosk.acked.set((int) batch.firstSeq, (int) (batch.firstSeq + batch.count));
                newlyAcked = kiosk.acked.cardinality() - before;
            }
            ackedRecords.add(newlyAcked);
            long gap = now - lastAckNanos;
            if (gap > longestGapNanos) {
                longestGapNanos = gap;
            }
            lastAckNanos = now;
            pump(kiosk, now);
        }
    }

    /** Sends what the kiosk may send now. Call holding the kiosk's lock. */
    private void pump(Kiosk kiosk, long now) {
        Load current = load;
        int window = current == Load.CLOSED_LOOP ? 1 : AWAITING;
        while (kiosk.awaiting.size() < window) {
            if (current == Load.CLOSED_LOOP && kiosk.produced - kiosk.nextUnsent < batchSize) {
                kiosk.produced = kiosk.nextUnsent + batchSize;
            }
            long ready = kiosk.produced - kiosk.nextUnsent;
            if (ready <= 0 || (current == Load.FIXED_RATE && ready < batchSize)) {
                return;
            }
            Batch batch = new Batch(kiosk.nextUnsent, (int) Math.min(batchSize, ready), now);
            kiosk.nextUnsent += batch.count;
            send(kiosk, batch, now);
        }
    }

    private void send(Kiosk kiosk, Batch batch, long now) {
        String batchId = kiosk.deviceId + "-" + kiosk.batchNumber++;
        kiosk.awaiting.put(batchId, batch);
        batch.attempt++;
        long ceiling = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS << Math.min(batch.attempt, 10));
        batch.dueNanos = now + (INITIAL_BACKOFF_MS + ThreadLocalRandom.current().nextLong(ceiling - INITIAL_BACKOFF_MS + 1))
                * 1_000_000;
        byte[] payload = codec.encode(new MeasurementBatch(batchId, kiosk.deviceId, OffsetDateTime.now(SEOUL),
                records.records(kiosk.index, batch.firstSeq, batch.count, kiosk.members)));
        try {
            kiosk.link.publish(kiosk.topic, payload, Channel.QOS, false);
            (batch.attempt == 1 ? sentBatches : resentBatches).increment();
        } catch (MqttException e) {
            publishRefused.increment(); // the connection's window is full: try again shortly
            batch.dueNanos = now + 200_000_000L;
        }
    }

    private void tick() {
        long last = System.nanoTime();
        long nextSweep = last;
        long nextSecond = last + 1_000_000_000L;
        long ackedAtSecond = 0;
        double credit = 0;
        while (running) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (load == Load.FIXED_RATE) {
                credit += rate * (now - last) / 1e9;
                int whole = (int) credit;
                credit -= whole;
                for (int n = 0; n < whole; n++) {
                    // each record at a kiosk picked at random: batches fill at independent times, as at real
                    // centres; round robin filled every kiosk's batch in the same tick, 1,000 batches at once
                    Kiosk kiosk = kiosks[ThreadLocalRandom.current().nextInt(kiosks.length)];
                    synchronized (kiosk) {
                        kiosk.produced++;
                        if (kiosk.produced - kiosk.nextUnsent >= batchSize) {
                            pump(kiosk, now);
                        }
                    }
                }
            }
            last = now;
            if (now >= nextSweep) { // re-send what is due, send what may go
                nextSweep = now + 50_000_000L;
                for (Kiosk kiosk : kiosks) {
                    synchronized (kiosk) {
                        List<Map.Entry<String, Batch>> due = new ArrayList<>();
                        for (Map.Entry<String, Batch> entry : kiosk.awaiting.entrySet()) {
                            if (entry.getValue().dueNanos <= now) {
                                due.add(entry);
                            }
                        }
                        for (Map.Entry<String, Batch> entry : due) {
                            kiosk.awaiting.remove(entry.getKey());
                            send(kiosk, entry.getValue(), now);
                        }
                        if (load != Load.IDLE) {
                            pump(kiosk, now);
                        }
                    }
                }
                if (now - lastAckNanos > longestGapNanos && unackedRecordsCheap() > 0) {
                    longestGapNanos = now - lastAckNanos;
                }
            }
            if (now >= nextSecond) {
                nextSecond += 1_000_000_000L;
                long acked = ackedRecords.sum();
                synchronized (ackedPerSecond) {
                    ackedPerSecond.add(acked - ackedAtSecond);
                }
                ackedAtSecond = acked;
            }
        }
    }

    /** Whether any kiosk waits for an ack (without counting bits). */
    private long unackedRecordsCheap() {
        for (Kiosk kiosk : kiosks) {
            synchronized (kiosk) {
                if (!kiosk.awaiting.isEmpty()) {
                    return 1;
                }
            }
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        ticker.interrupt();
        for (MqttAsyncClient link : links) {
            try {
                if (link.isConnected()) {
                    link.disconnectForcibly(0, 100, false);
                }
                link.close(true);
            } catch (MqttException e) {
                // closing anyway
            }
        }
    }
}
