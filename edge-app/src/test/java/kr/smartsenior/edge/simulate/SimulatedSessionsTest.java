package kr.smartsenior.edge.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SimulatedSessionsTest {

    private static final Clock SEOUL_NOW = Clock.system(SimulatedSessions.SEOUL);

    @Test
    void everySimulatedRecordIsOneTheServerWouldAccept() {
        SimulatedSessions simulator = new SimulatedSessions(record -> { }, List.of("A1", "B2"), Duration.ofSeconds(1),
                new SplittableRandom(3), SEOUL_NOW);
        Set<MeasurementCode> seen = EnumSet.noneOf(MeasurementCode.class);

        for (int i = 0; i < 2_000; i++) {
            MeasurementRecord record = simulator.next();
            assertThat(RecordValidator.problem(record, Instant.now())).as(record.toString()).isEmpty();
            assertThat(record.memberId()).isIn("A1", "B2");
            assertThat(record.takenAt().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
            assertThat(record.detail()).containsEntry("simulated", true);
            seen.add(MeasurementCode.valueOf(record.code()));
        }
        // every test and exercise a kiosk records; a senior's answers (kind check) come from the screens,
        // and the figure-of-8 walk is not taken at the kiosk any more
        assertThat(seen).containsExactlyInAnyOrder(SimulatedSessions.CODES)
                .doesNotContain(MeasurementCode.FIGURE_8_WALK);
    }

    @Test
    void valuesLookLikeSeniorsResults() {
        SimulatedSessions simulator = new SimulatedSessions(record -> { }, List.of("A1"), Duration.ofSeconds(1),
                new SplittableRandom(5), SEOUL_NOW);

        for (int i = 0; i < 500; i++) {
            assertThat(simulator.plausibleValue(MeasurementCode.CHAIR_STAND_30S)).isBetween(BigDecimal.valueOf(8), BigDecimal.valueOf(20));
            BigDecimal tug = simulator.plausibleValue(MeasurementCode.TIMED_UP_AND_GO);
            assertThat(tug).isBetween(new BigDecimal("5.0"), new BigDecimal("15.0"));
            assertThat(tug.scale()).isEqualTo(1);
            assertThat(simulator.plausibleValue(MeasurementCode.GRIP_STRENGTH)).isBetween(new BigDecimal("15.0"), new BigDecimal("40.0"));
        }
    }

    @Test
    @Timeout(10)
    void recordsOnASchedule() {
        List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
        try (SimulatedSessions simulator = new SimulatedSessions(recorded::add, List.of("A1"), Duration.ofMillis(20))) {
            simulator.start();
            await().until(() -> recorded.size() >= 5);
        }
        int afterClose = recorded.size();
        await().during(Duration.ofMillis(100)).until(() -> recorded.size() == afterClose);
    }

    @Test
    @Timeout(10)
    void keepsGoingWhenOneRecordingFails() {
        List<MeasurementRecord> recorded = new ArrayList<>();
        int[] calls = {0};
        try (SimulatedSessions simulator = new SimulatedSessions(record -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("disk full");
            }
            synchronized (recorded) {
                recorded.add(record);
            }
        }, List.of("A1"), Duration.ofMillis(20))) {
            simulator.start();
            await().until(() -> {
                synchronized (recorded) {
                    return recorded.size() >= 2;
                }
            });
        }
    }

    @Test
    void withoutMembersNothingIsRecorded() {
        List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
        try (SimulatedSessions simulator = new SimulatedSessions(recorded::add, List.of(), Duration.ofMillis(10))) {
            simulator.start();
            await().during(Duration.ofMillis(100)).until(recorded::isEmpty);
        }
    }
}
