package kr.smartsenior.edge.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kr.smartsenior.edge.measure.TestBattery;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.RecordKind;
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

    /**
     * With prescriptions from the roster, members come to exercise too: each session is the real
     * coach's record of a prescribed program (never one the prescription lacks), followed by the
     * effort rating the screen would record; a member without programs only takes the tests.
     */
    @Test
    void membersWithPrescribedProgramsExerciseAndRateTheirEffort() {
        VirtualSensorLoop loop = new VirtualSensorLoop();
        List<MeasurementRecord> records = new ArrayList<>();
        Map<String, KioskPrescription> roster = Map.of("A1", Prescriptions.of(List.of("스텝 & 점프 1단계, 밸런스 1단계"),
                List.of(Prescriptions.program(MeasurementCode.STEP_JUMP, 1, 5), Prescriptions.program(MeasurementCode.BALANCE, 1, 5))));
        try (Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE);
                SimulatedBattery visits = new SimulatedBattery(records::add, List.of("A1", "B2"), Duration.ofSeconds(5), sensors,
                        member -> roster.getOrDefault(member, KioskPrescription.NONE), new SplittableRandom(5),
                        Clock.system(SimulatedSessions.SEOUL))) {
            visits.start();
            for (int minute = 0; minute < 240 && visits.exerciseSessions() < 4; minute++) {
                loop.runFor(Duration.ofMinutes(1));
            }
            assertThat(visits.exerciseSessions()).isGreaterThanOrEqualTo(4);
        }
        List<MeasurementRecord> sessions = records.stream().filter(r -> MeasurementCode.valueOf(r.code()).kind() == RecordKind.EXERCISE)
                .toList();
        assertThat(sessions).hasSizeGreaterThanOrEqualTo(4).allSatisfy(r -> {
            assertThat(r.memberId()).isEqualTo("A1");
            assertThat(r.code()).isIn("STEP_JUMP", "BALANCE");
            assertThat(r.detail()).containsEntry("source", "sensors").doesNotContainKey("simulated"); // the coach's own record
        });
        List<MeasurementRecord> efforts = records.stream().filter(r -> r.code().equals("EXERCISE_EFFORT")).toList();
        assertThat(efforts).isNotEmpty().allSatisfy(r -> {
            assertThat(r.memberId()).isEqualTo("A1");
            assertThat(r.detail().get(RecordDetail.PROGRAM)).isIn("STEP_JUMP", "BALANCE");
            assertThat(r.value().intValue()).isBetween(1, 10);
        });
        assertThat(efforts.size()).isGreaterThanOrEqualTo(sessions.size() - 1); // one per saved session (the last may be cut off)
        assertThat(records).allSatisfy(r -> assertThat(RecordValidator.problem(r, Instant.now())).as(r.toString()).isEmpty());
        assertThat(records.stream().filter(r -> r.memberId().equals("B2")).map(MeasurementRecord::code))
                .as("B2 has no programs: tests only").noneMatch(code -> MeasurementCode.valueOf(code).kind() == RecordKind.EXERCISE);
    }
}
