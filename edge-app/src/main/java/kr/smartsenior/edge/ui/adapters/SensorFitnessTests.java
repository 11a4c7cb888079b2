package kr.smartsenior.edge.ui.adapters;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.smartsenior.edge.measure.FitnessTestSession;
import kr.smartsenior.edge.measure.SafetyCheck;
import kr.smartsenior.edge.measure.TestBattery;
import kr.smartsenior.edge.measure.TestListener;
import kr.smartsenior.edge.measure.TestPhase;
import kr.smartsenior.edge.measure.TestProgress;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.protocol.MeasurementCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screens' {@link FitnessTests} over the real test protocols ({@code measure}) on the kiosk's
 * sensors. Each run is one {@link FitnessTestSession} of a {@link TestBattery} for the member: the waiting
 * steps the screens show (a safety question before the one-leg stance, a practice round of the chair
 * stand, the instructions) map to the test's instructions and practice; "ready" on the last starts
 * its countdown; its progress, result or invalid reason come back as the port's events.
 *
 * <p>The one-leg stance is started hands free ({@link TestBattery#startOneLegStance}, graded) only when the
 * run's {@link Safety#handsFree()} says the senior chose it on the screen before; otherwise it is recorded as
 * supported (holding the chair, never graded).
 *
 * <p>The battery opens with the day's {@link SafetyCheck} from the screens' answers: when it does not
 * clear the member, {@link TestBattery#open} refuses and the run reports {@link TestEvent.NotToday}.
 *
 * <p>The screens record the result (the battery here records nothing, so nothing is kept twice). The
 * result's grade is {@link Grade#UNRATED}: grading by age and sex norms is the server's. A sensor
 * the test needs ({@link #sensorsFor}) that reports a problem when the test starts fails the run.
 */
public final class SensorFitnessTests implements FitnessTests {

    /** The tests the screens guide, in order (the figure-of-8 walk needs staff to set out cones). */
    public static final List<MeasurementCode> BATTERY = List.of(MeasurementCode.CHAIR_STAND_30S,
            MeasurementCode.STEP_IN_PLACE_2MIN, MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.ONE_LEG_STANCE);
    static final String SENSOR_PROBLEM = "센서에 문제가 있어요. 담당 선생님께 알려 주세요.";

    private static final Logger log = LoggerFactory.getLogger(SensorFitnessTests.class);

    /** A run that never started: nothing to confirm or cancel. */
    private static final TestRun IDLE_RUN = new TestRun() {
        @Override
        public void ready() {
        }

        @Override
        public void cancel() {
        }
    };

    private final Sensors sensors;
    private final Clock clock;
    private final Consumer<FitnessTestSession> counting;

    /**
     * @param counting told when a test's countdown is asked for (the simulation's senior performs it then);
     *                 may do nothing
     */
    public SensorFitnessTests(Sensors sensors, Clock clock, Consumer<FitnessTestSession> counting) {
        this.sensors = sensors;
        this.clock = clock;
        this.counting = counting;
    }

    @Override
    public List<MeasurementCode> battery() {
        return BATTERY;
    }

    /**
     * The measure gate's check for the screens' answers: "아프거나 어지러우세요?" is one question, so a "yes"
     * counts as both; no pressure is measured at the kiosk (staff measure it; a high one arrives as a
     * restriction of the prescription).
     */
    public static SafetyCheck safetyCheck(Safety safety) {
        return new SafetyCheck(safety.unwellToday(), safety.unwellToday(), null, null, safety.highPressureOnFile());
    }

    /**
     * The sensors a test is measured with ({@link Sensors#health()} keys): the chair stand and the
     * timed up-and-go by the distance sensor, the 2-minute step and the one-leg stance on the mat. A
     * test is refused only when one of these reports a problem, so a kiosk without its mat still takes
     * the distance tests.
     */
    public static List<String> sensorsFor(MeasurementCode test) {
        return switch (test) {
            case STEP_IN_PLACE_2MIN, ONE_LEG_STANCE -> List.of(Sensors.STEP_MAT);
            default -> List.of(Sensors.DISTANCE);
        };
    }

    /** The steps at which the screens wait before a test's countdown. */
    static List<Step> steps(MeasurementCode test) {
        return switch (test) {
            case CHAIR_STAND_30S -> List.of(Step.INSTRUCTIONS, Step.PRACTICE);
            case ONE_LEG_STANCE -> List.of(Step.SAFETY_CHECK, Step.INSTRUCTIONS);
            default -> List.of(Step.INSTRUCTIONS);
        };
    }

    @Override
    public TestRun start(MeasurementCode code, String memberId, Safety safety, Consumer<TestEvent> events) {
        // the screens record the result; the battery only runs the protocol
        TestBattery battery;
        try {
            battery = TestBattery.open(memberId, safetyCheck(safety), sensors, record -> { }, clock);
        } catch (TestBattery.NotClearedException e) {
            log.info("{} not started for member {}: the safety check says no test today", code, memberId);
            events.accept(new TestEvent.NotToday(e.reasons()));
            return IDLE_RUN;
        }
        Map<String, String> health = sensors.health();
        if (sensorsFor(code).stream().anyMatch(sensor -> !Sensors.OK.equals(health.get(sensor)))) {
            log.warn("{} not started: sensors report {}", code, health);
            events.accept(new TestEvent.Failed(SENSOR_PROBLEM));
            return IDLE_RUN;
        }
        // the mat cannot see hands: hands free only when the senior chose it before the test
        FitnessTestSession test = code == MeasurementCode.ONE_LEG_STANCE ? battery.startOneLegStance(safety.handsFree())
                : battery.start(code);
        Run run = new Run(test, steps(code), events);
        test.addListener(run);
        events.accept(new TestEvent.Waiting(run.steps.getFirst()));
        return run;
    }

    /** One test: the waiting steps, then the protocol's phases as events. */
    private final class Run implements TestRun, TestListener {
        private final FitnessTestSession test;
        private final List<Step> steps;
        private final Consumer<TestEvent> events;
        private int step;
        private int lastCountdown = -1;
        private volatile boolean cancelled;

        Run(FitnessTestSession test, List<Step> steps, Consumer<TestEvent> events) {
            this.test = test;
            this.steps = steps;
            this.events = events;
        }

        @Override
        public synchronized void ready() {
            if (cancelled) {
                return;
            }
            if (test.phase() == TestPhase.INVALID || step >= steps.size() - 1) {
                lastCountdown = -1;
                counting.accept(test);
                test.ready();
                return;
            }
            step++;
            if (steps.get(step) == Step.PRACTICE) {
                test.practice();
            }
            events.accept(new TestEvent.Waiting(steps.get(step)));
        }

        @Override
        public void cancel() {
            cancelled = true;
            test.cancel();
        }

        @Override
        public void leave() {
            if (!cancelled) {
                test.leave(); // a complete attempt still comes as RESULT; an incomplete one ends as CANCELLED
            }
        }

        @Override
        public void onPhase(FitnessTestSession t, TestPhase phase) {
            if (cancelled) {
                return;
            }
            switch (phase) {
                case RESULT -> t.result().ifPresent(r -> events.accept(new TestEvent.Finished(r.value(), Grade.UNRATED,
                        r.detail())));
                case INVALID -> events.accept(new TestEvent.Invalid(t.invalidReason().map(reason -> reason.korean())
                        .orElse("다시 해 볼까요?")));
                default -> { }
            }
        }

        @Override
        public void onProgress(FitnessTestSession t, TestProgress progress) {
            if (cancelled) {
                return;
            }
            if (progress.phase() == TestPhase.COUNTDOWN) {
                int left = Math.max(1, progress.countdown());
                if (left != lastCountdown) {
                    lastCountdown = left;
                    events.accept(new TestEvent.Countdown(left));
                }
            } else if (progress.phase() == TestPhase.MEASURING) {
                Duration elapsed = Duration.ofMillis(progress.elapsedMillis());
                Duration limit = progress.remainingMillis() < 0 ? Duration.ZERO
                        : elapsed.plusMillis(progress.remainingMillis());
                events.accept(new TestEvent.Progress(progress.value(), elapsed, limit));
            }
        }
    }
}
