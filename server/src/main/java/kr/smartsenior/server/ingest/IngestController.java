package kr.smartsenior.server.ingest;

import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ingest/stats}: the ingest counters since start. */
@RestController
final class IngestController {

    private final IngestCounters counters;
    private final IngestQueue queue;
    private final Clock clock;

    IngestController(IngestCounters counters, IngestQueue queue, Clock clock) {
        this.counters = counters;
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping("/api/ingest/stats")
    IngestStats stats() {
        return counters.snapshot(queue, clock.millis());
    }
}
