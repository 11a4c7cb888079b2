package kr.smartsenior.server.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived-work worker's retry schedule and its settings, without a database. */
class DerivedWorkerTest {

    @Test
    void aFailedRowWaitsFiveSecondsDoublingUpToTenMinutes() {
        assertThat(DerivedWorker.backoff(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DerivedWorker.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DerivedWorker.backoff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(DerivedWorker.backoff(7)).isEqualTo(Duration.ofMinutes(10));
        assertThat(DerivedWorker.backoff(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void settingsOutsideTheirRangeAreRefusedByName() {
        assertThatThrownBy(() -> new DerivedWorker(null, List.of(), 0, 8, Duration.ofMinutes(5), Duration.ofSeconds(1),
                List.of(), 0.25))
                .hasMessageContaining("SSC_DERIVED_THREADS");
        assertThatThrownBy(() -> new DerivedWorker(null, List.of(), 2, 8, Duration.ofMillis(10), Duration.ofSeconds(1),
                List.of(), 0.25))
                .hasMessageContaining("SSC_DERIVED_LEASE");
        assertThatThrownBy(() -> new DerivedWorker(null, List.of(), 2, 8, Duration.ofMinutes(5), Duration.ofSeconds(1),
                List.of(), 0)).hasMessageContaining("SSC_DERIVED_SHARE_WHILE_INGESTING");
    }

    @Test
    void whileKiosksAreSendingTwoThreadsRestSevenTimesTheirWorkForAQuarterOfOneProcessor() {
        double rest = 2 / 0.25 - 1;
        assertThat(DerivedWorker.restMillis(20_000_000L, rest)).isEqualTo(140);
        assertThat(DerivedWorker.restMillis(1_000_000_000L, rest)).isEqualTo(DerivedWorker.MAX_REST_MS);
        assertThat(DerivedWorker.restMillis(20_000_000L, 0)).isZero();
    }

    @Test
    void twoHandlersOfOneKindAreRefused() {
        WorkHandler one = handler(WorkKind.ROSTER);
        assertThatThrownBy(() -> new DerivedWorker(null, List.of(one, handler(WorkKind.ROSTER)), 2, 8,
                Duration.ofMinutes(5), Duration.ofSeconds(1), List.of(), 0.25)).hasMessageContaining("ROSTER");
    }

    @Test
    void aQuietPeriodLongerThanItsMaximumDelayIsRefused() {
        assertThatThrownBy(() -> new WorkQueue.Delay(Duration.ofMinutes(10), Duration.ofMinutes(5)))
                .hasMessageContaining("at least as long");
    }

    private static WorkHandler handler(WorkKind kind) {
        return new WorkHandler() {
            @Override
            public WorkKind kind() {
                return kind;
            }

            @Override
            public void perform(String key) {
            }
        };
    }
}
