package kr.smartsenior.edge.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.smartsenior.edge.measure.TestBattery;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordValidator;
import org.junit.jupiter.api.Test;

/** Simulated visits on virtual time: every visit ends with a result for every test, all acceptable to the server. */
class SimulatedBatteryTest {

    @Test
    void everyVisitRecordsEveryTestAndTheStaffItems() {
        VirtualSensorLoop loop = new VirtualSensorLoop();
        List<MeasurementRecord> records = new ArrayList<>();
        try (Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE);
                SimulatedBattery visits = new SimulatedBattery(records::add, List.of("A1", "B2"), Duration.ofSeconds(5), sensors,
                        new SplittableRandom(11), Clock.system(SimulatedSessions.SEOUL))) {
            visits.start();
            for (int minute = 0; minute < 60 && visits.visits() < 6; minute++) {
                loop.runFor(Duration.ofMinutes(1));
            }
            assertThat(visits.visits()).isGreaterThanOrEqualTo(6);
        }
        List<String> sensorCodes = records.stream().filter(r -> "sensors".equals(r.detail().get("source")))
                .map(MeasurementRecord::code).toList();
        for (var code : TestBattery.SENSOR_TESTS) {
            assertThat(sensorCodes.stream().filter(code.name()::equals).count()).as(code.name()).isGreaterThanOrEqualTo(6);
        }
        assertThat(records).allSatisfy(r -> assertThat(RecordValidator.problem(r, Instant.now())).as(r.toString()).isEmpty());
        assertThat(records).extracting(MeasurementRecord::memberId).containsOnly("A1", "B2");
    }
}
