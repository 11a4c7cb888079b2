package kr.smartsenior.server.ingest;

import java.util.concurrent.atomic.AtomicLong;
import kr.smartsenior.server.derived.Foreground;
import org.springframework.stereotype.Component;

/**
 * The live counters behind {@link IngestStats}; also tells the derived work when the ingest is busy
 * (a group stored in the last second), so that it yields the processor (decision 0043).
 */
@Component
final class IngestCounters implements Foreground {

    /** How long after its last group the ingest still counts as busy. */
    static final long BUSY_FOR_NANOS = 1_000_000_000L;

    /** How long after the last dropped message ingest still counts as behind. */
    static final long BEHIND_FOR_MS = 60_000;

    final AtomicLong messages = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong duplicate = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong ignored = new AtomicLong();
    final AtomicLong droppedUnacked = new AtomicLong();
    final AtomicLong acksNotPublished = new AtomicLong();
    /** When the queue last dropped a message (epoch ms), 0 never. */
    final AtomicLong lastDropAt = new AtomicLong();
    /** Groups stored (one transaction each). */
    final AtomicLong groups = new AtomicLong();
    /** When the last group was stored ({@link System#nanoTime()}); 0 none yet. */
    private volatile long lastGroupNanos;

    /** The steps of a group, in the order the ingest thread takes them. */
    enum Phase { DECODE, CHECK, STORE, ACK, ANNOUNCE }

    private final AtomicLong[] nanos = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(),
        new AtomicLong()};

    void groupStored() {
        groups.incrementAndGet();
        lastGroupNanos = System.nanoTime();
    }

    @Override
    public boolean busy() {
        return busyAt(System.nanoTime());
    }

    boolean busyAt(long nowNanos) {
        long last = lastGroupNanos;
        return last != 0 && nowNanos - last < BUSY_FOR_NANOS;
    }

    void time(Phase phase, long elapsedNanos) {
        nanos[phase.ordinal()].addAndGet(elapsedNanos);
    }

    private long millis(Phase phase) {
        return nanos[phase.ordinal()].get() / 1_000_000;
    }

    IngestStats snapshot(IngestQueue queue, long nowMillis) {
        long lastDrop = lastDropAt.get();
        boolean behind = lastDrop != 0 && nowMillis - lastDrop < BEHIND_FOR_MS;
        return new IngestStats(messages.get(), malformed.get(), received.get(), stored.get(), duplicate.get(),
                rejected.get(), ignored.get(), droppedUnacked.get(), acksNotPublished.get(), queue.size(),
                queue.capacity(), behind, new IngestStats.Time(groups.get(), millis(Phase.DECODE), millis(Phase.CHECK),
                        millis(Phase.STORE), millis(Phase.ACK), millis(Phase.ANNOUNCE)));
    }
}
