package kr.smartsenior.edge.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import kr.smartsenior.edge.sensor.ScaledSensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.simulate.SimulatedSenior;
import kr.smartsenior.edge.simulate.SimulatedSenior.Flaw;
import kr.smartsenior.edge.simulate.SimulatedSenior.Pace;
import kr.smartsenior.edge.simulate.SimulatedSessions;
import kr.smartsenior.protocol.MeasurementCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SSC_SIM_SPEED: the same trace gives the same result in virtual time and 50 times faster than real time. */
class SimulationSpeedTest {

    static final double SPEED = 50;

    @Test
    @Timeout(20)
    void aFasterLoopMeasuresTheSameAsVirtualTime() {
        for (MeasurementCode code : new MeasurementCode[] {MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.CHAIR_STAND_30S,
                MeasurementCode.ONE_LEG_STANCE}) {
            SimulatedSenior.Performance performance = nonBorderline(code);

            TestResult virtual;
            try (Station station = new Station()) {
                virtual = station.run(performance).result().orElseThrow();
            }

            try (Sensors sensors = Sensors.simulated(new ScaledSensorLoop(SPEED), SiteCalibration.REFERENCE)) {
                TestBattery battery = TestBattery.open("M-2", SafetyCheck.allClear(), sensors, record -> { },
                        Clock.system(SimulatedSessions.SEOUL));
                FitnessTestSession test = battery.start(code);
                sensors.loop().schedule(Duration.ofSeconds(1), () -> {
                    test.ready();
                    sensors.loop().execute(() -> sensors.player().orElseThrow().play(performance.trace(), () -> { }));
                });
                await().atMost(Duration.ofSeconds(10)).until(() -> test.phase().isFinal() || test.phase() == TestPhase.INVALID);

                assertThat(test.phase()).as(code.name()).isEqualTo(TestPhase.RESULT);
                assertThat(test.result().orElseThrow().value()).as(code.name()).isEqualByComparingTo(virtual.value());
            }
        }
    }

    private static SimulatedSenior.Performance nonBorderline(MeasurementCode code) {
        for (long seed = 1; ; seed++) {
            SimulatedSenior.Performance performance = new SimulatedSenior(SiteCalibration.REFERENCE, new SplittableRandom(seed))
                    .perform(code, Pace.NORMAL, Flaw.NONE);
            if (!performance.borderline()) {
                return performance;
            }
        }
    }
}
