package kr.smartsenior.edge.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.smartsenior.edge.sensor.DistanceSample;
import kr.smartsenior.edge.sensor.Trace;
import kr.smartsenior.edge.simulate.SimulatedSenior;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordDetail;
import org.junit.jupiter.api.Test;

/**
 * The procedures as corrected for issue #13 (protocol version 2), each on a hand-made trace that
 * would have come out differently under version 1: where the TUG clock starts and stops, what is
 * not a stand, when a one-leg trial ends and how it is recorded, what is not a knee lift.
 */
class CorrectedProceduresTest {

    static final double GO_S = FitnessTestSession.COUNTDOWN.toMillis() / 1000.0;
    static final int SEATED = 3700;
    static final int STANDING = 3400;

    @Test
    void theUpAndGoIsTimedFromTheCueSoWaitingAndRisingSlowlyCount() {
        try (Station station = new Station()) {
            // waits 2 s after "시작", rises over 2 s, walks to the marker, back, and lands in the seat at GO + 14.0 s
            SimulatedSenior.Path body = new SimulatedSenior.Path(SEATED).hold(GO_S + 2).move(2, STANDING).move(3, 500)
                    .hold(1).move(3, STANDING).hold(1).land(2, SEATED);
            double landed = body.end();
            body.hold(3);
            List<Trace.Event> events = distance(body);
            events.add(new Trace.Pad(nanos(GO_S + 7.1), 3, true));
            events.add(new Trace.Pad(nanos(GO_S + 7.8), 3, false));
            FitnessTestSession test = station.run(performance(MeasurementCode.TIMED_UP_AND_GO, new Trace(events), body.end()));

            assertThat(test.phase()).as("invalid: " + test.invalidReason()).isEqualTo(TestPhase.RESULT);
            BigDecimal seconds = test.result().orElseThrow().value();
            assertThat(seconds.doubleValue()).as("from the cue to landing in the seat").isCloseTo(landed - GO_S,
                    org.assertj.core.api.Assertions.within(0.3));
            assertThat(test.result().orElseThrow().detail()).containsEntry(RecordDetail.PROTOCOL,
                    MeasurementProtocol.TIMED_UP_AND_GO.id()).containsEntry("timedFrom", "cue");
            assertThat((Double) test.result().orElseThrow().detail().get("reactionS")).isBetween(2.5, 3.5);
        }
    }

    @Test
    void settlingBackIntoTheBackrestAfterSittingDoesNotMoveTheStop() {
        try (Station station = new Station()) {
            SimulatedSenior.Path body = new SimulatedSenior.Path(SEATED).hold(GO_S + 0.5).move(1, STANDING).move(3, 500)
                    .hold(1).move(3, STANDING).hold(0.5).land(1.2, SEATED);
            double landed = body.end();
            body.hold(0.6).move(0.6, SEATED + 80).hold(3);
            List<Trace.Event> events = distance(body);
            events.add(new Trace.Pad(nanos(GO_S + 4.6), 3, true));
            events.add(new Trace.Pad(nanos(GO_S + 5.2), 3, false));
            FitnessTestSession test = station.run(performance(MeasurementCode.TIMED_UP_AND_GO, new Trace(events), body.end()));

            assertThat(test.result().orElseThrow().value().doubleValue()).isCloseTo(landed - GO_S,
                    org.assertj.core.api.Assertions.within(0.3));
        }
    }

    @Test
    void halfStandsAndForwardLeansAreNotStandsAndOnlyFullExtensionCounts() {
        try (Station station = new Station()) {
            SimulatedSenior.Path body = new SimulatedSenior.Path(SEATED).hold(GO_S + 0.5);
            for (int i = 0; i < 3; i++) {
                body.move(0.8, SEATED - 135).move(0.8, SEATED); // lean forward in the seat (0.45 of the way)
                body.move(1.0, SEATED - 210).move(1.0, SEATED); // half stand (0.7)
                body.move(1.0, STANDING).hold(0.3).land(1.0, SEATED).hold(0.3); // a full stand
            }
            body.hold(40);
            FitnessTestSession test = station.run(performance(MeasurementCode.CHAIR_STAND_30S, new Trace(distance(body)), 32));

            assertThat(test.result().orElseThrow().value()).isEqualByComparingTo("3");
            assertThat(test.result().orElseThrow().detail()).containsEntry(RecordDetail.PROTOCOL,
                    MeasurementProtocol.CHAIR_STAND_30S.id());
        }
    }

    @Test
    void aOneLegTrialEndsWhenTheRaisedFootTouchesAnyOtherPadAndTheBetterOfTwoTrialsIsTheResult() {
        try (Station station = new Station()) {
            List<Trace.Event> events = onBothPads();
            pad(events, GO_S + 1.0, 2, false); // trial 1: right foot up
            pad(events, GO_S + 7.0, 4, true); // ... and down on the spare pad in front: 6.0 s
            pad(events, GO_S + 7.4, 4, false);
            pad(events, GO_S + 7.6, 2, true);
            pad(events, GO_S + 10.0, 1, false); // trial 2: left foot up
            pad(events, GO_S + 19.3, 1, true); // back on its pad: 9.3 s
            FitnessTestSession test = station.battery.startOneLegStance(true);
            station.replay(test, performance(MeasurementCode.ONE_LEG_STANCE, new Trace(events), GO_S + 21));

            TestResult result = test.result().orElseThrow();
            assertThat(result.value()).isEqualByComparingTo("9.3");
            assertThat(result.detail()).containsEntry(RecordDetail.PROTOCOL, MeasurementProtocol.ONE_LEG_STANCE.id())
                    .containsEntry(RecordDetail.TRIALS, List.of(new BigDecimal("6.0"), new BigDecimal("9.3")))
                    .containsEntry("ended", List.of("foot touched pad 4", "raised foot touched down"));
        }
    }

    @Test
    void theStandingFootShiftingEndsATrialAndASecondTrialNotBegunLeavesTheFirst() {
        try (Station station = new Station()) {
            List<Trace.Event> events = onBothPads();
            pad(events, GO_S + 1.0, 1, false);
            pad(events, GO_S + 4.5, 2, false); // the standing foot hops: 3.5 s
            pad(events, GO_S + 4.8, 2, true);
            pad(events, GO_S + 5.0, 1, true);
            FitnessTestSession test = station.battery.startOneLegStance(true);
            station.replay(test, performance(MeasurementCode.ONE_LEG_STANCE, new Trace(events), GO_S + 25));

            TestResult result = test.result().orElseThrow();
            assertThat(result.value()).isEqualByComparingTo("3.5");
            assertThat(result.detail()).containsEntry(RecordDetail.TRIALS, List.of(new BigDecimal("3.5")));
        }
    }

    @Test
    void aOneLegStanceNotConfirmedHandsFreeIsRecordedAsSupported() {
        try (Station station = new Station()) {
            SimulatedSenior.Performance performance = new SimulatedSenior(kr.smartsenior.edge.sensor.SiteCalibration.REFERENCE,
                    new SplittableRandom(3)).oneLegStance(SimulatedSenior.Pace.NORMAL, SimulatedSenior.Flaw.NONE);
            station.run(performance);

            MeasurementRecord record = station.recordsOf(MeasurementCode.ONE_LEG_STANCE).getFirst();
            assertThat(record.detail()).containsEntry(RecordDetail.PROTOCOL, MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED.id())
                    .containsEntry("handsFree", false);
            assertThat(record.value()).isEqualByComparingTo(performance.expected());
        }
    }

    @Test
    void shufflesAndHeelRaisesAreNotKneeLifts() {
        try (Station station = new Station()) {
            List<Trace.Event> events = onBothPads();
            double t = GO_S + 0.5;
            int kneeLifts = 0;
            for (int step = 0; step < 80; step++, t += 1.4) {
                double air = step % 4 == 3 ? 0.12 : 0.5; // every fourth a shuffle
                kneeLifts += air > 0.3 ? 1 : 0;
                pad(events, t, 2, false);
                pad(events, t + air, 2, true);
                pad(events, t + 0.7, 1, false);
                pad(events, t + 0.7 + air, 1, true);
            }
            FitnessTestSession test = station.run(performance(MeasurementCode.STEP_IN_PLACE_2MIN, new Trace(events), GO_S + 121));

            assertThat(test.result().orElseThrow().value()).isEqualByComparingTo(BigDecimal.valueOf(kneeLifts));
            assertThat(test.result().orElseThrow().detail()).containsEntry("rightTooShort", 80 - kneeLifts);
        }
    }

    @Test
    void theFigureOfEightWalkIsNoLongerTakenAtTheKiosk() {
        try (Station station = new Station()) {
            assertThat(TestBattery.SENSOR_TESTS).doesNotContain(MeasurementCode.FIGURE_8_WALK);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> station.battery.start(MeasurementCode.FIGURE_8_WALK))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static SimulatedSenior.Performance performance(MeasurementCode code, Trace trace, double lengthS) {
        return new SimulatedSenior.Performance(code, SimulatedSenior.Style.UPRIGHT, trace, null, null, lengthS, false);
    }

    private static List<Trace.Event> distance(SimulatedSenior.Path body) {
        return new ArrayList<>(SimulatedSenior.trace(body, new SplittableRandom(1)).events());
    }

    private static List<Trace.Event> onBothPads() {
        List<Trace.Event> events = new ArrayList<>();
        events.add(new Trace.Distance(0, 600, DistanceSample.Quality.GOOD));
        pad(events, 0.2, 1, true);
        pad(events, 0.3, 2, true);
        return events;
    }

    private static void pad(List<Trace.Event> events, double atS, int pad, boolean pressed) {
        events.add(new Trace.Pad(nanos(atS), pad, pressed));
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

}
