package kr.smartsenior.edge.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.edge.sensor.DistanceSample;
import kr.smartsenior.edge.sensor.Trace;
import kr.smartsenior.protocol.MeasurementCode;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: a senior confirms "시작" by pressing pad 1 or 2 (the screen's main choice) while still stepping
 * onto the mat. That press, its release and the steps onto the pads are no false start and are not counted:
 * the countdown watches for a false start only once both feet have stood on the home pads for a moment, and
 * waits at "go" until they have.
 */
class ConfirmByPadTest {

    private static final long S = 1_000_000_000L;
    private static final int ON_MAT_MM = 600;

    /** Pad 1 tapped at 0 (the confirmation), released at 0.3 s, both feet on the pads at {@code onPadsS}. */
    private static List<Trace.Event> confirmThenStepOn(double onPadsS) {
        List<Trace.Event> events = new ArrayList<>();
        events.add(pad(0, 1, true));
        events.add(pad(0.3, 1, false));
        events.add(pad(onPadsS, 1, true));
        events.add(pad(onPadsS + 0.2, 2, true));
        return events;
    }

    /** Ten marching steps of each foot from {@code fromS}, the right foot off 0.5 s (a knee lift), then standing. */
    private static void march(List<Trace.Event> events, double fromS, int lifts) {
        for (int k = 0; k < lifts; k++) {
            double t = fromS + k * 1.2;
            events.add(pad(t, 2, false));
            events.add(pad(t + 0.5, 2, true));
            events.add(pad(t + 0.6, 1, false));
            events.add(pad(t + 1.0, 1, true));
        }
    }

    private static Trace trace(List<Trace.Event> pads, double lengthS) {
        List<Trace.Event> events = new ArrayList<>(pads);
        for (long t = 0; t <= (long) (lengthS * 1000); t += 20) {
            events.add(new Trace.Distance(t * 1_000_000L, ON_MAT_MM, DistanceSample.Quality.GOOD));
        }
        events.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        return new Trace(events);
    }

    private static Trace.Pad pad(double atS, int pad, boolean pressed) {
        return new Trace.Pad(Math.round(atS * S), pad, pressed);
    }

    /** Plays the trace; the test's "ready" comes when the first press has been debounced (as the screen hears it). */
    private static FitnessTestSession confirmAndRun(Station station, Trace trace, double runS) {
        FitnessTestSession test = station.battery.start(MeasurementCode.STEP_IN_PLACE_2MIN);
        test.addListener((t, phase) -> station.phases.add(phase));
        station.sensors.mat().addListener(event -> {
            if (event.pressed() && test.phase() == TestPhase.INSTRUCTIONS) {
                test.ready(); // the pad press is the screen's main choice, "시작"
            }
        });
        station.sensors.player().orElseThrow().play(trace, () -> { });
        station.loop.runFor(Duration.ofMillis(Math.round(runS * 1000)));
        return test;
    }

    @Test
    void thePressThatConfirmsStartIsNoFalseStartAndIsNotCounted() {
        try (Station station = new Station()) {
            List<Trace.Event> pads = confirmThenStepOn(1.0);
            march(pads, 4.0, 10); // "go" is 3 s after the confirmation
            FitnessTestSession test = confirmAndRun(station, trace(pads, 130), 130);

            assertThat(station.phases).doesNotContain(TestPhase.INVALID);
            assertThat(test.phase()).isEqualTo(TestPhase.RESULT);
            assertThat(test.result().orElseThrow().value()).isEqualByComparingTo("10"); // the confirming press is not a lift
            assertThat(station.recordsOf(MeasurementCode.STEP_IN_PLACE_2MIN)).hasSize(1);
        }
    }

    @Test
    void aSeniorSlowerThanTheCountdownGetsAFreshCountdownOnceBothFeetAreOnThePads() {
        try (Station station = new Station()) {
            List<Trace.Event> pads = confirmThenStepOn(5.0); // after the first "go" (3 s)
            march(pads, 10.0, 10); // settled at 6.2 s, a new 3-2-1: "go" at about 9.2 s
            pads.add(pad(7.0, 1, false)); // a foot lifted after settling, before the new "go": a real false start
            pads.add(pad(7.3, 1, true));
            FitnessTestSession test = confirmAndRun(station, trace(pads, 8), 8);
            assertThat(test.invalidReason()).contains(InvalidReason.FALSE_START);
        }
        try (Station station = new Station()) {
            List<Trace.Event> pads = confirmThenStepOn(5.0);
            march(pads, 10.0, 10);
            List<TestProgress> progress = new ArrayList<>();
            FitnessTestSession test = station.battery.start(MeasurementCode.STEP_IN_PLACE_2MIN);
            test.addListener(new TestListener() {
                @Override
                public void onPhase(FitnessTestSession t, TestPhase phase) {
                    station.phases.add(phase);
                }

                @Override
                public void onProgress(FitnessTestSession t, TestProgress p) {
                    progress.add(p);
                }
            });
            station.sensors.player().orElseThrow().play(trace(pads, 135), () -> { });
            station.loop.runFor(Duration.ofMillis(50));
            test.ready();
            station.loop.runFor(Duration.ofSeconds(135));

            assertThat(test.phase()).isEqualTo(TestPhase.RESULT);
            assertThat(test.result().orElseThrow().value()).isEqualByComparingTo("10");
            // the countdown held its first number while the senior stepped on, then counted down again
            assertThat(progress.stream().filter(p -> p.phase() == TestPhase.COUNTDOWN).map(TestProgress::countdown)
                    .toList()).containsSubsequence(3, 2, 1, 3, 3, 2, 1);
        }
    }

    @Test
    void nobodyOnThePadsWithinTheLimitIsNotAStart() {
        try (Station station = new Station()) {
            List<Trace.Event> pads = new ArrayList<>();
            pads.add(pad(0, 1, true));
            pads.add(pad(0.3, 1, false)); // confirmed and walked off
            FitnessTestSession test = confirmAndRun(station, trace(pads, 20), 20);
            assertThat(test.invalidReason()).contains(InvalidReason.NOT_IN_START_POSITION);
            assertThat(station.records).isEmpty();
        }
    }
}
