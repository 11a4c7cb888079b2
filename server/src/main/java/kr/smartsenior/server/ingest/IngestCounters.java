package kr.smartsenior.server.ingest;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The live counters behind {@link IngestStats}. */
@Component
final class IngestCounters {

    final AtomicLong messages = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong duplicate = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong ignored = new AtomicLong();

    IngestStats snapshot() {
        return new IngestStats(messages.get(), malformed.get(), received.get(), stored.get(), duplicate.get(),
                rejected.get(), ignored.get());
    }
}
