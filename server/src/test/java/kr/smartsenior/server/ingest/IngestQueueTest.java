package kr.smartsenior.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IngestQueueTest {

    private final IngestCounters counters = new IngestCounters();
    private final IngestQueue queue = new IngestQueue(new IngestSettings(2, null, null), counters);
    private final Instant now = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aFullQueueDropsTheMessageUnackedAndKeepsTheOnesItHas() throws InterruptedException {
        queue.accept("t/1", bytes("first"), now);
        queue.accept("t/2", bytes("second"), now);
        queue.accept("t/3", bytes("dropped"), now); // on the MQTT thread: must return, the queue is full

        assertThat(counters.droppedUnacked).hasValue(1);
        assertThat(queue.takeGroup(10, Duration.ZERO)).extracting(Inbound::topic).containsExactly("t/1", "t/2");
        queue.accept("t/4", bytes("room again"), now);
        assertThat(queue.takeGroup(10, Duration.ZERO)).extracting(Inbound::topic).containsExactly("t/4");
    }

    @Test
    void theStatsSayBehindForAMinuteAfterTheLastDrop() {
        assertThat(counters.snapshot(queue, now.toEpochMilli()).behind()).isFalse();
        queue.accept("t/1", bytes("a"), now);
        queue.accept("t/2", bytes("b"), now);
        queue.accept("t/3", bytes("c"), now);

        IngestStats during = counters.snapshot(queue, now.plusSeconds(59).toEpochMilli());
        assertThat(during.behind()).isTrue();
        assertThat(during.droppedUnacked()).isEqualTo(1);
        assertThat(during.queued()).isEqualTo(2);
        assertThat(during.queueCapacity()).isEqualTo(2);
        assertThat(counters.snapshot(queue, now.plusSeconds(61).toEpochMilli()).behind()).isFalse();
    }

    @Test
    void aClosedQueueTakesNothingMore() throws InterruptedException {
        queue.accept("t/1", bytes("a"), now);
        assertThat(queue.close()).isEqualTo(1);
        queue.accept("t/2", bytes("b"), now);

        assertThat(queue.takeGroup(10, Duration.ZERO)).isEmpty();
        assertThat(counters.droppedUnacked).hasValue(0);
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new IngestSettings(0, null, null)).hasMessageContaining("SSC_INGEST_QUEUE");
        assertThatThrownBy(() -> new IngestSettings(null, 901, null)).hasMessageContaining("SSC_ACK_WINDOW");
        assertThat(new IngestSettings(null, null, null)).isEqualTo(new IngestSettings(1000, 500, 2));
        assertThatThrownBy(() -> new IngestSettings(null, null, 0)).hasMessageContaining("SSC_INGEST_WRITERS");
        assertThatThrownBy(() -> new IngestSettings(null, null, 9)).hasMessageContaining("SSC_INGEST_WRITERS");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
