package kr.smartsenior.server.ingest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ingest/stats}: the ingest counters since start. */
@RestController
final class IngestController {

    private final IngestCounters counters;

    IngestController(IngestCounters counters) {
        this.counters = counters;
    }

    @GetMapping("/api/ingest/stats")
    IngestStats stats() {
        return counters.snapshot();
    }
}
