package kr.smartsenior.server.ingest;

import java.time.Clock;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code ingest} part of {@code /actuator/health}: UP, and while a message was dropped un-acked in
 * the last minute it says "ingest behind" with the count. Being behind is not DOWN: the server
 * stores what it can and the kiosks re-send the rest, so taking it out of service would only make
 * it worse.
 */
@Component("ingestHealthIndicator")
final class IngestHealth implements HealthIndicator {

    private final IngestCounters counters;
    private final IngestQueue queue;
    private final Clock clock;

    IngestHealth(IngestCounters counters, IngestQueue queue, Clock clock) {
        this.counters = counters;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public Health health() {
        IngestStats stats = counters.snapshot(queue, clock.millis());
        return Health.up()
                .withDetail("state", stats.behind()
                        ? "ingest behind: " + stats.droppedUnacked() + " dropped-unacked"
                        : "keeping up")
                .withDetail("queued", stats.queued())
                .withDetail("queueCapacity", stats.queueCapacity())
                .withDetail("droppedUnacked", stats.droppedUnacked())
                .withDetail("acksNotPublished", stats.acksNotPublished())
                .build();
    }
}
