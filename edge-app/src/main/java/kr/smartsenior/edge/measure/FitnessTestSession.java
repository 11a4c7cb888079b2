package kr.smartsenior.edge.measure;

import java.time.Duration;
import java.util.Optional;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * One guided fitness test taken by one senior (a session of the test, as {@code ExerciseSession} is
 * of an exercise program; each test's protocol implements it). Starts in {@link TestPhase#INSTRUCTIONS};
 * {@link #practice()} (when offered) lets them try, {@link #ready()} starts the countdown and then
 * measuring, which ends by itself in {@link TestPhase#RESULT} or {@link TestPhase#INVALID}; from
 * INVALID, {@link #ready()} tries again.
 *
 * <p>Actions may be called from any thread; they take effect on the sensor loop. Listeners are
 * called on the loop.
 */
public interface FitnessTestSession {

    /** Length of the "3, 2, 1" countdown. */
    Duration COUNTDOWN = Duration.ofSeconds(3);

    MeasurementCode code();

    TestPhase phase();

    /** Whether a practice round is offered before measuring. */
    boolean offersPractice();

    void addListener(TestListener listener);

    /** From instructions into a practice round; ignored when not offered or not in instructions. */
    void practice();

    /** From instructions, practice or invalid into the countdown; ignored in other phases. */
    void ready();

    /** Stops the test for good; nothing is recorded. */
    void cancel();

    /**
     * The senior left mid-test: the test stops for good. What is complete of it stands as the result
     * ({@link TestPhase#RESULT}: the one-leg stance's first trial); otherwise it ends as {@link #cancel()} does
     * and nothing is recorded.
     */
    void leave();

    /** Set once the test reaches {@link TestPhase#RESULT}. */
    Optional<TestResult> result();

    /** Set while the test is {@link TestPhase#INVALID}. */
    Optional<InvalidReason> invalidReason();
}
