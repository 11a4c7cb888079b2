package kr.smartsenior.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the ingest tells the derived work it is busy (decision 0043). */
class IngestCountersTest {

    @Test
    void busyOnlyOnceAGroupWasStoredAndNotAfterTheIngestWentQuiet() throws InterruptedException {
        IngestCounters counters = new IngestCounters();
        assertThat(counters.busy()).as("before any group").isFalse();
        counters.groupStored();
        assertThat(counters.busy()).as("just after a group").isTrue();
        assertThat(counters.groups.get()).isEqualTo(1);
        Thread.sleep(IngestCounters.BUSY_FOR_NANOS / 1_000_000 + 100);
        assertThat(counters.busy()).as("a second after the last group").isFalse();
    }
}
