package kr.smartsenior.edge.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.measure.SafetyCheck;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.adapters.SensorFitnessTests;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.RecordDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fitness tests without sensors: the day's safety answers go through the same gate as the real
 * tests ({@link SafetyCheck}: not cleared, the run only reports {@link TestEvent.NotToday}); each run walks the protocol's phases (safety check and practice
 * where the real test has them, instructions, a 3-2-1 countdown, ten progress steps) and finishes
 * with a plausible result and a simple local grade. The one-leg stance carries its protocol as the real one
 * does: {@code one-leg-stance/2} only when the run's {@link Safety#handsFree()} says the senior chose to
 * stand hands free, otherwise {@code one-leg-stance-supported/1}. {@link #failNext()} and {@link #invalidNext()}
 * make the next run end as a sensor failure or an attempt that does not count.
 */
public final class SimulatedFitnessTests implements FitnessTests, AutoCloseable {

    /** The battery the kiosk guides: the tests the step mat and the distance sensor can take alone. */
    public static final List<MeasurementCode> BATTERY = List.of(MeasurementCode.CHAIR_STAND_30S,
            MeasurementCode.STEP_IN_PLACE_2MIN, MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.ONE_LEG_STANCE);
    static final int MEASURE_STEPS = 10;
    static final int COUNTDOWN_FROM = 3;
    /** At which progress step a failing or invalid run ends. */
    static final int TROUBLE_AT_STEP = 3;
    static final String SENSOR_MESSAGE = "발판 센서의 연결이 끊어졌어요. 담당 선생님께 알려 주세요.";
    static final String INVALID_REASON = "발판에서 발이 떨어져서 다시 재야 해요.";

    private static final Logger log = LoggerFactory.getLogger(SimulatedFitnessTests.class);

    private enum Ending { RESULT, SENSOR_FAILURE, INVALID }

    private final Duration second;
    private final RandomGenerator random;
    private final ScheduledExecutorService timer;
    private volatile Ending nextEnding = Ending.RESULT;

    /**
     * @param second how long one countdown second and one progress step take (1 s on a desktop,
     *               milliseconds in tests)
     */
    public SimulatedFitnessTests(Duration second) {
        this(second, new SplittableRandom());
    }

    SimulatedFitnessTests(Duration second, RandomGenerator random) {
        this.second = second;
        this.random = random;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ssc-sim-tests");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public List<MeasurementCode> battery() {
        return BATTERY;
    }

    /** The next run's sensor fails while measuring. */
    public void failNext() {
        nextEnding = Ending.SENSOR_FAILURE;
    }

    /** The next run's attempt does not count. */
    public void invalidNext() {
        nextEnding = Ending.INVALID;
    }

    @Override
    public TestRun start(MeasurementCode test, String memberId, Safety safety, Consumer<TestEvent> events) {
        Run run = new Run(test, events, steps(test), detail(test, safety));
        SafetyCheck check = SensorFitnessTests.safetyCheck(safety); // the same gate as the real tests
        if (!check.cleared()) {
            run.cancelled = true;
            timer.execute(() -> events.accept(new TestEvent.NotToday(check.reasonsNotToTest())));
            return run;
        }
        timer.execute(run::advance);
        return run;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** What a finished run records besides its value: the one-leg stance's protocol, as the real test gives it. */
    static Map<String, Object> detail(MeasurementCode test, Safety safety) {
        if (test != MeasurementCode.ONE_LEG_STANCE) {
            return Map.of("simulated", true);
        }
        MeasurementProtocol protocol = safety.handsFree() ? MeasurementProtocol.ONE_LEG_STANCE
                : MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED;
        return Map.of("simulated", true, RecordDetail.PROTOCOL, protocol.id());
    }

    static List<Step> steps(MeasurementCode test) {
        return switch (test) {
            case CHAIR_STAND_30S -> List.of(Step.INSTRUCTIONS, Step.PRACTICE);
            case ONE_LEG_STANCE -> List.of(Step.SAFETY_CHECK, Step.INSTRUCTIONS);
            default -> List.of(Step.INSTRUCTIONS);
        };
    }

    /** One run; every event is sent from the timer thread, in order. */
    private final class Run implements TestRun {
        private final MeasurementCode test;
        private final Consumer<TestEvent> events;
        private final List<Step> steps;
        private final Map<String, Object> detail;
        private int step = -1;
        private volatile boolean cancelled;

        Run(MeasurementCode test, Consumer<TestEvent> events, List<Step> steps, Map<String, Object> detail) {
            this.test = test;
            this.events = events;
            this.steps = steps;
            this.detail = detail;
        }

        @Override
        public void ready() {
            timer.execute(this::advance);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        private void advance() {
            if (cancelled) {
                return;
            }
            step++;
            if (step < steps.size()) {
                send(new TestEvent.Waiting(steps.get(step)));
            } else if (step == steps.size()) {
                countdown(COUNTDOWN_FROM);
            }
        }

        private void countdown(int left) {
            if (cancelled) {
                return;
            }
            if (left == 0) {
                measure(plausible(test), nextEnding, 1);
                nextEnding = Ending.RESULT;
                return;
            }
            send(new TestEvent.Countdown(left));
            timer.schedule(() -> countdown(left - 1), second.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void measure(BigDecimal result, Ending ending, int at) {
            if (cancelled) {
                return;
            }
            if (ending != Ending.RESULT && at == TROUBLE_AT_STEP) {
                send(ending == Ending.SENSOR_FAILURE ? new TestEvent.Failed(SENSOR_MESSAGE)
                        : new TestEvent.Invalid(INVALID_REASON));
                return;
            }
            Duration limit = limit(test);
            Duration elapsed;
            BigDecimal value;
            if (limit.isZero()) { // timed: the value is the time so far
                value = result.multiply(BigDecimal.valueOf(at)).divide(BigDecimal.valueOf(MEASURE_STEPS), 1, RoundingMode.HALF_UP);
                elapsed = Duration.ofMillis(value.movePointRight(3).longValue());
            } else {
                value = result.multiply(BigDecimal.valueOf(at)).divide(BigDecimal.valueOf(MEASURE_STEPS), 0, RoundingMode.DOWN);
                elapsed = limit.multipliedBy(at).dividedBy(MEASURE_STEPS);
            }
            send(new TestEvent.Progress(value, elapsed, limit));
            if (at == MEASURE_STEPS) {
                send(new TestEvent.Finished(result, supported() ? Grade.UNRATED : grade(test, result), detail));
            } else {
                timer.schedule(() -> measure(result, ending, at + 1), second.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        /** A one-leg stance holding the chair is never graded, here either. */
        private boolean supported() {
            return MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED.id().equals(detail.get(RecordDetail.PROTOCOL));
        }

        private void send(TestEvent event) {
            if (cancelled) {
                return;
            }
            try {
                events.accept(event);
            } catch (RuntimeException e) {
                log.error("the screen refused a simulated test event", e);
            }
        }
    }

    static Duration limit(MeasurementCode test) {
        return switch (test) {
            case CHAIR_STAND_30S -> Duration.ofSeconds(30);
            case STEP_IN_PLACE_2MIN -> Duration.ofMinutes(2);
            default -> Duration.ZERO;
        };
    }

    private BigDecimal plausible(MeasurementCode test) {
        return switch (test) {
            case CHAIR_STAND_30S -> BigDecimal.valueOf(random.nextInt(8, 21));
            case STEP_IN_PLACE_2MIN -> BigDecimal.valueOf(random.nextInt(60, 121));
            case TIMED_UP_AND_GO -> BigDecimal.valueOf(random.nextInt(55, 150), 1);
            case ONE_LEG_STANCE -> BigDecimal.valueOf(random.nextInt(30, 300), 1);
            default -> BigDecimal.valueOf(random.nextInt(15, 40));
        };
    }

    /** A rough local grade for the picture (the server's norms by age and sex are the real grading). */
    static Grade grade(MeasurementCode test, BigDecimal value) {
        double v = value.doubleValue();
        return switch (test) {
            case CHAIR_STAND_30S -> v >= 15 ? Grade.GOOD : v >= 11 ? Grade.FAIR : Grade.LOW;
            case STEP_IN_PLACE_2MIN -> v >= 95 ? Grade.GOOD : v >= 75 ? Grade.FAIR : Grade.LOW;
            case TIMED_UP_AND_GO -> v <= 7 ? Grade.GOOD : v <= 10 ? Grade.FAIR : Grade.LOW;
            case ONE_LEG_STANCE -> v >= 20 ? Grade.GOOD : v >= 8 ? Grade.FAIR : Grade.LOW;
            default -> Grade.UNRATED;
        };
    }
}
