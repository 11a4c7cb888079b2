package kr.smartsenior.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the ingest tells the derived work it is busy (decision 0043). */
class IngestCountersTest {

    @Test
    void busyOnlyOnceAGroupWasStoredAndNotAfterTheIngestWentQuiet() {
        IngestCounters counters = new IngestCounters();
        assertThat(counters.busy()).as("before any group").isFalse();
        counters.groupStored();
        long stored = System.nanoTime();
        assertThat(counters.busy()).as("just after a group").isTrue();
        assertThat(counters.groups.get()).isEqualTo(1);
        assertThat(counters.busyAt(stored + IngestCounters.BUSY_FOR_NANOS / 2)).as("half a second later").isTrue();
        assertThat(counters.busyAt(stored + IngestCounters.BUSY_FOR_NANOS + 1)).as("a second after the last group")
                .isFalse();
    }
}
