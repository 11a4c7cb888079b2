package kr.smartsenior.server.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.ReceivedBatch;
import kr.smartsenior.protocol.Rejection;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.derived.WorkQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a group of measurement messages into stored records and acks, in two steps that run on two
 * threads, one group apart: {@link #prepare} decodes and checks each message and checks the members
 * against the site (one query per group; a second only for a site none of the group's members belongs
 * to); {@link #store} stores all records of the group in one transaction and only after the commit
 * publishes one ack per message. Where the time goes is counted per phase ({@link IngestStats.Time}).
 */
@Component
final class IngestProcessor {

    private static final Logger log = LoggerFactory.getLogger(IngestProcessor.class);

    private final ProtocolCodec codec;
    private final MeasurementStore store;
    private final TransactionTemplate transaction;
    private final AckPublisher acks;
    private final IngestCounters counters;
    private final ApplicationEventPublisher events;
    private final WorkQueue derivedWork;

    IngestProcessor(ProtocolCodec codec, MeasurementStore store, TransactionTemplate transaction, AckPublisher acks,
            IngestCounters counters, ApplicationEventPublisher events, WorkQueue derivedWork) {
        this.codec = codec;
        this.store = store;
        this.transaction = transaction;
        this.acks = acks;
        this.counters = counters;
        this.events = events;
        this.derivedWork = derivedWork;
    }

    /** A readable batch and where it came from. */
    private record Pending(Topics.Address from, ReceivedBatch batch, Inbound message) {
    }

    /** What the ack of one batch will say. */
    private record Answer(Pending pending, List<UUID> accepted, List<Rejection> rejected) {
    }

    /**
     * A group decoded and checked, ready to store: its acks and its rows. Made by {@link #prepare} on the
     * ingest thread while the group before it is being stored, stored by {@link #store} (decision 0043).
     */
    static final class Prepared {
        private final List<Answer> answers;
        private final List<MeasurementStore.Row> rows;
        private final int batches;

        private Prepared(List<Answer> answers, List<MeasurementStore.Row> rows, int batches) {
            this.answers = answers;
            this.rows = rows;
            this.batches = batches;
        }
    }

    /**
     * Decodes and checks a group (reads the members and sites, writes nothing). Empty when no message of
     * it is readable, or the check could not be made (logged; no acks, the kiosks will resend).
     */
    Optional<Prepared> prepare(List<Inbound> group) {
        long started = System.nanoTime();
        List<Pending> readable = new ArrayList<>(group.size());
        for (Inbound message : group) {
            read(message).ifPresent(readable::add);
        }
        long decoded = System.nanoTime();
        counters.time(IngestCounters.Phase.DECODE, decoded - started);
        if (readable.isEmpty()) {
            return Optional.empty();
        }
        List<MeasurementStore.Row> rows = new ArrayList<>();
        try {
            List<Answer> answers = check(readable, rows);
            counters.time(IngestCounters.Phase.CHECK, System.nanoTime() - decoded);
            return Optional.of(new Prepared(answers, rows, readable.size()));
        } catch (RuntimeException e) {
            log.error("could not check a group of {} batches against the members; no acks sent, the kiosks will"
                    + " resend: {}", readable.size(), e.toString());
            return Optional.empty();
        }
    }

    /** Stores a prepared group in one transaction and, only after the commit, acks each of its batches. */
    void store(Prepared prepared) {
        long started = System.nanoTime();
        List<MeasurementStore.Row> rows = prepared.rows;
        boolean[] inserted;
        try {
            inserted = transaction.execute(status -> noteDerivedWork(rows, store.insert(rows)));
            counters.time(IngestCounters.Phase.STORE, System.nanoTime() - started);
        } catch (RuntimeException e) {
            log.error("could not store a group of {} batches ({} records); no acks sent, the kiosks will resend: {}",
                    prepared.batches, rows.size(), e.toString());
            return;
        }
        long stored = 0;
        Set<String> changedMembers = new HashSet<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                stored++;
                changedMembers.add(rows.get(i).record().memberId());
            }
        }
        counters.stored.addAndGet(stored);
        counters.duplicate.addAndGet(inserted.length - stored);
        prepared.answers.forEach(answer -> counters.rejected.addAndGet(answer.rejected().size()));
        long acking = System.nanoTime();
        publish(prepared.answers);
        long acked = System.nanoTime();
        counters.time(IngestCounters.Phase.ACK, acked - acking);
        announce(changedMembers);
        counters.time(IngestCounters.Phase.ANNOUNCE, System.nanoTime() - acked);
        counters.groupStored();
    }

    /**
     * In the storing transaction: the new records' members and sites get their derived work
     * (prescription, alerts, roster) in the durable queue (decision 0037), coalesced per visit.
     */
    private boolean[] noteDerivedWork(List<MeasurementStore.Row> rows, boolean[] inserted) {
        Set<String> memberIds = new HashSet<>();
        Set<String> siteIds = new HashSet<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                memberIds.add(rows.get(i).record().memberId());
                siteIds.add(rows.get(i).siteId());
            }
        }
        derivedWork.resultsStored(memberIds, siteIds);
        return inserted;
    }

    /** After the commit (and the acks): tell in-process listeners (the dashboard's cache) who has new records. */
    private void announce(Set<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        try {
            events.publishEvent(new MeasurementsStored(memberIds));
        } catch (RuntimeException e) { // a listener's failure must not touch ingest
            log.error("a listener of MeasurementsStored failed for {} members: {}", memberIds.size(), e.toString());
        }
    }

    private Optional<Pending> read(Inbound message) {
        counters.messages.incrementAndGet();
        Optional<Topics.Address> from = Topics.parse(message.topic());
        if (from.isEmpty() || from.get().channel() != Channel.MEASUREMENTS) {
            return malformed(message, "not a measurements topic");
        }
        Decoded<ReceivedBatch> decoded;
        try {
            decoded = codec.decodeBatch(message.payload(), message.arrivedAt());
        } catch (RuntimeException e) { // the codec promises not to throw; a poison message must not stop the group
            return malformed(message, "undecodable: " + e);
        }
        if (decoded instanceof Decoded.Malformed<ReceivedBatch>(String reason)) {
            return malformed(message, reason);
        }
        ReceivedBatch batch = ((Decoded.Ok<ReceivedBatch>) decoded).value();
        if (!Topics.isValidDeviceId(from.get().deviceId())) {
            counters.ignored.incrementAndGet();
            log.warn("batch {} on {}: '{}' is reserved for the site's shared topics, no kiosk may use it;"
                    + " not stored, not acked", LogText.of(batch.batchId()), LogText.of(message.topic()), Topics.SITE_WIDE);
            return Optional.empty();
        }
        if (!batch.deviceId().equals(from.get().deviceId())) {
            return malformed(message, "batch " + batch.batchId() + " names device " + batch.deviceId()
                    + ", not the topic's device");
        }
        counters.received.addAndGet(batch.valid().size() + batch.rejected().size());
        return Optional.of(new Pending(from.get(), batch, message));
    }

    private Optional<Pending> malformed(Inbound message, String reason) {
        counters.malformed.incrementAndGet();
        log.warn("malformed message on {}: {}", LogText.of(message.topic()), LogText.of(reason));
        return Optional.empty();
    }

    /** Keeps batches of known sites, rejects records of members not registered there, and collects rows. */
    private List<Answer> check(List<Pending> readable, List<MeasurementStore.Row> rows) {
        Set<String> siteIds = new HashSet<>();
        Set<String> memberIds = new HashSet<>();
        for (Pending pending : readable) {
            siteIds.add(pending.from().siteId());
            pending.batch().valid().forEach(record -> memberIds.add(record.memberId()));
        }
        Map<String, String> memberSites = store.memberSites(memberIds);
        // a member's site exists (foreign key): ask only about sites none of the group's members named
        Set<String> knownSites = new HashSet<>(memberSites.values());
        knownSites.retainAll(siteIds);
        if (knownSites.size() < siteIds.size()) {
            Set<String> unseen = new HashSet<>(siteIds);
            unseen.removeAll(knownSites);
            knownSites.addAll(store.existingSites(unseen));
        }
        List<Answer> answers = new ArrayList<>(readable.size());
        for (Pending pending : readable) {
            String siteId = pending.from().siteId();
            if (!knownSites.contains(siteId)) {
                counters.ignored.incrementAndGet();
                log.warn("batch {} from {}/{}: site {} is not registered; left un-acked until it is",
                        pending.batch().batchId(), siteId, pending.from().deviceId(), siteId);
                continue;
            }
            List<UUID> accepted = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>(pending.batch().rejected());
            for (MeasurementRecord record : pending.batch().valid()) {
                if (siteId.equals(memberSites.get(record.memberId()))) {
                    accepted.add(record.id());
                    rows.add(new MeasurementStore.Row(record, siteId, pending.from().deviceId(),
                            pending.batch().batchId(), pending.message().arrivedAt()));
                } else {
                    rejected.add(new Rejection(record.id().toString(),
                            "member " + record.memberId() + " is not registered at site " + siteId));
                }
            }
            answers.add(new Answer(pending, accepted, rejected));
        }
        return answers;
    }

    private void publish(List<Answer> answers) {
        int failed = 0;
        RuntimeException first = null;
        for (Answer answer : answers) {
            Pending pending = answer.pending();
            try {
                acks.publish(pending.from().siteId(), pending.from().deviceId(),
                        new Ack(pending.batch().batchId(), answer.accepted(), answer.rejected()));
            } catch (RuntimeException e) {
                failed++;
                first = first == null ? e : first;
            }
        }
        if (failed > 0) {
            counters.acksNotPublished.addAndGet(failed);
            log.warn("{} of {} acks not published ({}); the records are stored, the kiosks will resend and get"
                    + " them acked as duplicates", failed, answers.size(), first.toString());
        }
    }
}
