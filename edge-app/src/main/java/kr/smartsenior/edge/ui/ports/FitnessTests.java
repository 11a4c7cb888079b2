package kr.smartsenior.edge.ui.ports;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * The guided fitness tests as the screens see them: an ordered battery, and one run at a time
 * that reports its phases. The test protocols (sensor reading, counting, validity, grading) live
 * behind this port; the screens show each phase, speak it and record the final result through
 * {@code Kiosk.record}.
 *
 * <p>Every run carries the day's {@link Safety} answers; the implementation's safety gate decides
 * whether the member may be tested today, and when not the run's only event is {@link TestEvent.NotToday}
 * (nothing is measured). Otherwise a run goes: zero or more {@link TestEvent.Waiting} steps (each waits for {@link TestRun#ready()}),
 * then {@link TestEvent.Countdown} seconds, {@link TestEvent.Progress} updates while measuring, and
 * exactly one ending: {@link TestEvent.Finished}, {@link TestEvent.Invalid} or {@link TestEvent.Failed}.
 */
public interface FitnessTests {

    /** The tests of the guided battery, in the order a senior takes them. Never empty. */
    List<MeasurementCode> battery();

    /**
     * Starts one test for a member, if the day's safety answers clear them. Events go to {@code events}
     * in order, on any thread (not concurrently). After {@link TestRun#cancel()} no more events are
     * expected (late ones are ignored).
     */
    TestRun start(MeasurementCode test, String memberId, Safety safety, Consumer<TestEvent> events);

    /**
     * The answers asked before the battery, every day, and for the one-leg stance the one asked just
     * before it.
     *
     * @param unwellToday        the senior answered "yes" to "오늘 몸이 아프거나 어지러우세요?"
     * @param highPressureOnFile the member's prescription carries a blood-pressure restriction (staff
     *                           measured 160/100 mmHg or above)
     * @param handsFree          the senior chose, before this one-leg stance, to stand without holding the
     *                           chair (the mat cannot see hands): only then is it recorded as the graded
     *                           hands-free protocol; false (not asked, not answered, or "의자 잡고 할게요")
     *                           records it as supported, never graded. Other tests ignore it.
     */
    record Safety(boolean unwellToday, boolean highPressureOnFile, boolean handsFree) {

        /** The day's answers; no hands-free answer. */
        public Safety(boolean unwellToday, boolean highPressureOnFile) {
            this(unwellToday, highPressureOnFile, false);
        }

        /** Nothing against testing today. */
        public static Safety clear() {
            return new Safety(false, false);
        }

        /** The same day's answers with the senior's choice for the one-leg stance about to start. */
        public Safety withHandsFree(boolean confirmed) {
            return new Safety(unwellToday, highPressureOnFile, confirmed);
        }
    }

    /** One running test. */
    interface TestRun {

        /** The senior confirmed the current {@link TestEvent.Waiting} step (button or pad). */
        void ready();

        /** Stops the run (the senior stopped, skipped, walked away or the session ended). Idempotent. */
        void cancel();

        /**
         * The senior left in the middle of the run: it stops for good. A complete attempt in it (the one-leg
         * stance's first trial) still arrives as {@link TestEvent.Finished}; an incomplete one is dropped and
         * nothing more arrives. By default the same as {@link #cancel()}.
         */
        default void leave() {
            cancel();
        }
    }

    /** What a run reports. */
    sealed interface TestEvent {

        /**
         * The safety gate says no test today: nothing was measured or recorded.
         *
         * @param reasons why, for staff and the log (the senior sees a calm fixed sentence)
         */
        record NotToday(List<String> reasons) implements TestEvent {
            public NotToday {
                reasons = List.copyOf(reasons);
            }
        }

        /** The run waits for {@link TestRun#ready()} at this step. */
        record Waiting(Step step) implements TestEvent {
            public Waiting {
                Objects.requireNonNull(step, "step");
            }
        }

        /** Seconds until measuring starts (3, 2, 1). */
        record Countdown(int secondsLeft) implements TestEvent {
        }

        /**
         * Live progress while measuring.
         *
         * @param value   the running result in the test's unit (repetitions so far, or seconds so far)
         * @param elapsed time since measuring began
         * @param limit   the test's fixed duration (30 s, 2 min), or {@link Duration#ZERO} when it runs
         *                until the senior finishes (timed tests)
         */
        record Progress(BigDecimal value, Duration elapsed, Duration limit) implements TestEvent {
            public Progress {
                Objects.requireNonNull(value, "value");
                Objects.requireNonNull(elapsed, "elapsed");
                Objects.requireNonNull(limit, "limit");
            }
        }

        /**
         * The valid result, in the test's {@code MeasurementCode.unit()}.
         *
         * @param detail extras recorded with the result (per-repetition times, ...); never null
         */
        record Finished(BigDecimal value, Grade grade, Map<String, Object> detail) implements TestEvent {
            public Finished {
                Objects.requireNonNull(value, "value");
                Objects.requireNonNull(grade, "grade");
                detail = detail == null ? Map.of() : Map.copyOf(detail);
            }
        }

        /** The attempt did not count (started early, stepped off, ...); the senior may try again. */
        record Invalid(String koreanReason) implements TestEvent {
        }

        /** A sensor failed: the test cannot go on. The message is for the senior, calm and short. */
        record Failed(String koreanMessage) implements TestEvent {
        }
    }

    /** Steps at which a run waits for the senior. */
    enum Step {
        /** A safety question before a test that could cause a fall ("의자나 벽을 옆에 두셨나요?"). */
        SAFETY_CHECK,
        /** What the test is and how it goes, with a demonstration. */
        INSTRUCTIONS,
        /** A practice repetition before the real one. */
        PRACTICE
    }

    /**
     * The screens' grade of a result. The screens show only the server's band, from the cut-offs the
     * roster carries (decision 0027); the grade an implementation puts into {@code Finished} is not shown.
     */
    enum Grade {
        GOOD,
        FAIR,
        LOW,
        /** No local norm for this test or member. */
        UNRATED
    }
}
