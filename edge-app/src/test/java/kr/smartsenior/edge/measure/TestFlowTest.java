package kr.smartsenior.edge.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.simulate.SimulatedSenior;
import kr.smartsenior.edge.simulate.SimulatedSenior.Flaw;
import kr.smartsenior.edge.simulate.SimulatedSenior.Pace;
import kr.smartsenior.edge.simulate.SimulatedSessions;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.junit.jupiter.api.Test;

/** The phases the screen drives: practice, countdown, progress, invalid and retry, cancel; the safety gate. */
class TestFlowTest {

    private final SimulatedSenior senior = new SimulatedSenior(SiteCalibration.REFERENCE, new SplittableRandom(5));

    @Test
    void aTestGoesFromInstructionsThroughCountdownAndMeasuringToItsResultWithLiveProgress() {
        try (Station station = new Station()) {
            List<TestProgress> progress = new ArrayList<>();
            FitnessTestSession test = station.battery.start(MeasurementCode.CHAIR_STAND_30S);
            test.addListener(new TestListener() {
                @Override
                public void onPhase(FitnessTestSession t, TestPhase phase) {
                }

                @Override
                public void onProgress(FitnessTestSession t, TestProgress p) {
                    progress.add(p);
                }
            });
            assertThat(test.phase()).isEqualTo(TestPhase.INSTRUCTIONS);
            assertThat(test.offersPractice()).isTrue();

            test.practice();
            station.loop.runPending();
            assertThat(test.phase()).isEqualTo(TestPhase.PRACTICE);

            station.replay(test, senior.chairStand(Pace.NORMAL, Flaw.NONE));

            assertThat(station.phases).containsExactly(TestPhase.COUNTDOWN, TestPhase.MEASURING, TestPhase.RESULT);
            assertThat(progress).extracting(TestProgress::countdown).contains(3, 2, 1, 0);
            TestProgress halfway = progress.stream().filter(p -> p.phase() == TestPhase.MEASURING && p.elapsedMillis() >= 15_000)
                    .findFirst().orElseThrow();
            assertThat(halfway.remainingMillis()).isBetween(14_000L, 15_000L);
            assertThat(halfway.value()).isGreaterThan(BigDecimal.ZERO);
            assertThat(station.records).hasSize(1);
        }
    }

    @Test
    void anInvalidTestStoresNothingAndARetryCanSucceed() {
        try (Station station = new Station()) {
            FitnessTestSession test = station.run(senior.upAndGo(Pace.NORMAL, Flaw.FALSE_START));
            assertThat(test.phase()).isEqualTo(TestPhase.INVALID);
            assertThat(test.invalidReason()).contains(InvalidReason.FALSE_START);
            assertThat(InvalidReason.FALSE_START.korean()).contains("다시");
            assertThat(station.records).isEmpty();

            station.replay(test, senior.upAndGo(Pace.NORMAL, Flaw.NONE));

            assertThat(test.phase()).isEqualTo(TestPhase.RESULT);
            assertThat(test.invalidReason()).isEmpty();
            assertThat(station.recordsOf(MeasurementCode.TIMED_UP_AND_GO)).hasSize(1);
        }
    }

    @Test
    void aListenerThatThrowsNeitherStopsTheTestNorSilencesTheOthers() {
        try (Station station = new Station()) {
            FitnessTestSession test = station.battery.start(MeasurementCode.STEP_IN_PLACE_2MIN);
            List<TestProgress> heard = new ArrayList<>();
            test.addListener(new TestListener() {
                @Override
                public void onPhase(FitnessTestSession t, TestPhase phase) {
                    throw new IllegalStateException("a broken screen (as this test wants)");
                }

                @Override
                public void onProgress(FitnessTestSession t, TestProgress progress) {
                    throw new IllegalStateException("a broken screen (as this test wants)");
                }
            });
            test.addListener(new TestListener() {
                @Override
                public void onPhase(FitnessTestSession t, TestPhase phase) {
                }

                @Override
                public void onProgress(FitnessTestSession t, TestProgress progress) {
                    heard.add(progress);
                }
            });

            station.replay(test, senior.stepInPlace(Pace.NORMAL, Flaw.NONE));

            assertThat(test.phase()).isEqualTo(TestPhase.RESULT);
            assertThat(station.phases).contains(TestPhase.MEASURING, TestPhase.RESULT);
            assertThat(heard).hasSizeGreaterThan(1000); // ten a second through two minutes
            assertThat(station.recordsOf(MeasurementCode.STEP_IN_PLACE_2MIN)).hasSize(1);
        }
    }

    @Test
    void notSeatedAtGoIsNotAStart() {
        try (Station station = new Station()) {
            FitnessTestSession test = station.battery.start(MeasurementCode.CHAIR_STAND_30S);
            test.ready();
            station.loop.runFor(Duration.ofSeconds(4)); // nobody in the chair: the empty room
            assertThat(test.invalidReason()).contains(InvalidReason.NOT_IN_START_POSITION);
        }
    }

    @Test
    void aCancelledTestStopsListeningAndRecordsNothing() {
        try (Station station = new Station()) {
            FitnessTestSession test = station.battery.start(MeasurementCode.STEP_IN_PLACE_2MIN);
            test.ready();
            station.sensors.player().orElseThrow().play(senior.stepInPlace(Pace.FAST, Flaw.NONE).trace(), () -> { });
            station.loop.runFor(Duration.ofSeconds(20));
            test.cancel();
            station.loop.runFor(Duration.ofMinutes(3));
            assertThat(test.phase()).isEqualTo(TestPhase.CANCELLED);
            assertThat(station.records).isEmpty();
        }
    }

    @Test
    void startingTheNextTestCancelsOneStillRunning() {
        try (Station station = new Station()) {
            FitnessTestSession first = station.battery.start(MeasurementCode.ONE_LEG_STANCE);
            first.ready();
            station.loop.runPending();
            FitnessTestSession second = station.battery.start(MeasurementCode.TIMED_UP_AND_GO);
            station.loop.runPending();
            assertThat(first.phase()).isEqualTo(TestPhase.CANCELLED);
            assertThat(second.phase()).isEqualTo(TestPhase.INSTRUCTIONS);
            assertThatThrownBy(() -> station.battery.start(MeasurementCode.GRIP_STRENGTH))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theSafetyCheckGatesTheBattery() {
        try (Station station = new Station()) {
            assertThatThrownBy(() -> TestBattery.open("M-9", new SafetyCheck(false, false, 160, 90), station.sensors,
                    station.records::add, Clock.system(SimulatedSessions.SEOUL)))
                    .isInstanceOf(TestBattery.NotClearedException.class)
                    .hasMessageContaining("혈압");
        }
        assertThat(new SafetyCheck(false, false, 159, 100).cleared()).as("diastolic at the limit").isFalse();
        assertThat(new SafetyCheck(false, false, 159, 99).cleared()).isTrue();
        assertThat(new SafetyCheck(true, false, null, null).reasonsNotToTest()).containsExactly("오늘 통증이 있어요");
        assertThat(new SafetyCheck(false, true, null, null).cleared()).isFalse();
        assertThat(SafetyCheck.allClear().cleared()).isTrue();
        assertThat(new SafetyCheck(false, false, null, null, true).reasonsNotToTest()).as("a high pressure on file")
                .containsExactly("혈압이 높다고 기록되어 있어요");
        assertThatThrownBy(() -> new SafetyCheck(false, false, 120, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SafetyCheck(false, false, 80, 120)).hasMessageContaining("measure again");
    }

    @Test
    void staffItemsAreCheckedAndWeightCarriesTheBmi() {
        try (Station station = new Station()) {
            station.battery.enterHeight(new BigDecimal("160.0"));
            station.battery.enterWeight(new BigDecimal("64.0"));
            station.battery.enterGrip(StaffEntry.Hand.LEFT, List.of(new BigDecimal("21.5"), new BigDecimal("23.0")));
            station.battery.enterSitAndReach(List.of(new BigDecimal("-3.5"), new BigDecimal("-1.0")));

            MeasurementRecord weight = station.recordsOf(MeasurementCode.WEIGHT).getFirst();
            assertThat(weight.detail()).containsEntry("bmi", new BigDecimal("25.0")).containsEntry("source", "staff");
            MeasurementRecord grip = station.recordsOf(MeasurementCode.GRIP_STRENGTH).getFirst();
            assertThat(grip.value()).isEqualByComparingTo("23.0");
            assertThat(grip.detail()).containsEntry("hand", "left");
            assertThat(station.recordsOf(MeasurementCode.SIT_AND_REACH).getFirst().value()).isEqualByComparingTo("-1.0");

            assertThatThrownBy(() -> station.battery.enterWeight(new BigDecimal("640")))
                    .hasMessageContaining("몸무게").hasMessageContaining("640");
            assertThatThrownBy(() -> station.battery.enterGrip(StaffEntry.Hand.RIGHT, List.of(new BigDecimal("22.25"))))
                    .hasMessageContaining("one decimal");
            assertThatThrownBy(() -> station.battery.enterSitAndReach(List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(station.records).hasSize(4);
        }
        assertThat(StaffEntry.bmi(new BigDecimal("50"), new BigDecimal("150"))).isEqualByComparingTo("22.2");
    }
}
