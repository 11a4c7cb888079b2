package kr.smartsenior.server.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The table of workers keeps the start and stop order the server relies on. */
class WorkerTest {

    @Test
    void workersAreListedInStartOrder() {
        assertThat(Arrays.stream(Worker.values()).mapToInt(Worker::phase).toArray()).isSorted();
    }

    @Test
    void theBrokerConnectionIsUpBeforeAnyWorkerSubscribesOrPublishesAndDownAfterThem() {
        for (Worker worker : new Worker[] {Worker.INGEST, Worker.DEVICE_STATUS, Worker.ROSTER, Worker.DEVICE_CONFIG}) {
            assertThat(Worker.BROKER_CONNECTION.phase()).as(worker.name()).isLessThan(worker.phase());
        }
    }

    @Test
    void derivedWorkStartsBeforeAndStopsAfterTheIngestSoNoStoredBatchIsMissed() {
        assertThat(Worker.DERIVED.phase()).isLessThan(Worker.INGEST.phase());
    }

    @Test
    void threadNamesAreTheServersAndUnique() {
        var names = Arrays.stream(Worker.values()).map(Worker::threadName).filter(Objects::nonNull).toList();
        assertThat(names).allMatch(name -> name.startsWith("ssc-")).doesNotHaveDuplicates();
        assertThat(names).contains("ssc-mqtt-connect", "ssc-derived", "ssc-ingest", "ssc-status", "ssc-roster");
    }
}
