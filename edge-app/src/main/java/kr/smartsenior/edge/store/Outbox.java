package kr.smartsenior.edge.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * Records waiting to reach the server. A record leaves only when an ack names it (accepted: deleted;
 * rejected: moved aside with the reason); until then it is re-sent, across restarts.
 *
 * <p>Thread-safe. Every method is one committed transaction; none returns before it is on disk.
 */
public interface Outbox {

    /**
     * Stores a record, due at once. Returns {@code false} (and changes nothing) when a record with the
     * same id is already there: appending twice is harmless.
     */
    boolean append(MeasurementRecord record);

    /** Up to {@code limit} records whose next attempt is at or before {@code now}, oldest first. */
    List<PendingRecord> due(Instant now, int limit);

    /** Counts one more attempt for each id and makes it due again at {@code nextAttempt}. */
    void scheduleRetry(Collection<UUID> ids, Instant nextAttempt);

    /**
     * Applies the server's answer in one transaction: accepted ids are deleted, rejected ones moved to
     * the rejected table with their reason (the newest {@value SqliteOutbox#REJECTED_KEPT} are kept).
     * Ids the outbox does not hold are ignored.
     */
    Acknowledged acknowledge(Ack ack);

    /** Makes every waiting record due now (after a reconnect: acks may have been lost while away). */
    int makeAllDue();

    /** How many records are waiting for an ack. */
    long size();

    /** The earliest next-attempt time of any waiting record, or empty when the outbox is empty. */
    Optional<Instant> nextDue();

    /** The newest rejected records, newest first, at most {@code limit}. */
    List<RejectedRecord> rejections(int limit);
}
