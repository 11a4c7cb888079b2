package kr.smartsenior.edge.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.smartsenior.edge.sensor.DistanceSample;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.Trace;
import kr.smartsenior.edge.simulate.SimulatedSenior;
import kr.smartsenior.edge.simulate.SimulatedSenior.Flaw;
import kr.smartsenior.edge.simulate.SimulatedSenior.Pace;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RecordDetail;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: the senior left mid-test ({@link FitnessTestSession#leave()}). What is complete stands (the one-leg
 * stance's first trial); an incomplete attempt is never a result.
 */
class LeaveTest {

    private final SimulatedSenior senior = new SimulatedSenior(SiteCalibration.REFERENCE, new SplittableRandom(5));

    @Test
    void aChairStandLeftHalfwayEndsWithNothingRecorded() {
        try (Station station = new Station()) {
            SimulatedSenior.Performance stands = senior.chairStand(Pace.NORMAL, Flaw.NONE);
            FitnessTestSession test = station.battery.start(MeasurementCode.CHAIR_STAND_30S);
            test.addListener((t, phase) -> station.phases.add(phase));
            test.ready();
            station.loop.runPending();
            station.sensors.player().orElseThrow().play(stands.trace(), () -> { });
            station.loop.runFor(Duration.ofSeconds(15)); // 12 s into the 30
            assertThat(test.phase()).isEqualTo(TestPhase.MEASURING);

            test.leave();
            station.loop.runFor(Duration.ofSeconds(40));
            assertThat(test.phase()).isEqualTo(TestPhase.CANCELLED);
            assertThat(test.result()).isEmpty();
            assertThat(station.records).isEmpty();
        }
    }

    @Test
    void aOneLegStanceLeftAfterItsFirstTrialKeepsThatTrial() {
        try (Station station = new Station()) {
            List<Trace.Event> events = new ArrayList<>();
            for (long ms = 0; ms <= 20_000; ms += 20) {
                events.add(new Trace.Distance(ms * 1_000_000L, 600, DistanceSample.Quality.GOOD));
            }
            events.add(new Trace.Pad(200_000_000L, 1, true));
            events.add(new Trace.Pad(300_000_000L, 2, true));
            events.add(new Trace.Pad(4_000_000_000L, 2, false)); // the right foot up 1 s after "go"
            events.add(new Trace.Pad(11_300_000_000L, 4, true)); // 7.3 s later it comes down on pad 4
            events.add(new Trace.Pad(12_000_000_000L, 4, false));
            events.add(new Trace.Pad(13_000_000_000L, 1, false)); // and the senior walks away
            events.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
            FitnessTestSession test = station.battery.startOneLegStance(true);
            test.addListener((t, phase) -> station.phases.add(phase));
            test.ready();
            station.loop.runPending();
            station.sensors.player().orElseThrow().play(new Trace(events), () -> { });
            station.loop.runFor(Duration.ofSeconds(16)); // not the 15 s after which the protocol ends by itself
            assertThat(test.phase()).isEqualTo(TestPhase.MEASURING);

            test.leave();
            station.loop.runFor(Duration.ofSeconds(1));
            assertThat(test.phase()).isEqualTo(TestPhase.RESULT);
            assertThat(test.result().orElseThrow().value()).isEqualByComparingTo("7.3");
            assertThat(station.records).singleElement().satisfies(r ->
                    assertThat(r.detail().get(RecordDetail.TRIALS)).asList().hasSize(1));
        }
    }
}
