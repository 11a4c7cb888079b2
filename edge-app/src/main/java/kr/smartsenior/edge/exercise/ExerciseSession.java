package kr.smartsenior.edge.exercise;

import java.time.Duration;
import java.util.Optional;

/**
 * One exercise session of one senior. Starts in {@link ExercisePhase#BRIEFING}; {@link #begin()}
 * starts the warm-up, then play (rounds and rests for intervals) and the cool-down follow by
 * themselves, and the session ends in {@link ExercisePhase#FINISHED}, recorded. Stepping off the mat
 * (no pad pressed for {@link #OFF_MAT_AFTER}) pauses it; both feet back on pads 1 and 2 for
 * {@link #RESUME_AFTER} resume it; off for {@link #MAX_PAUSE} ends it.
 *
 * <p>Actions may be called from any thread; they take effect on the sensor loop. Listeners are
 * called on the loop.
 */
public interface ExerciseSession {

    /** No pad pressed this long means the senior stepped off the mat: the session pauses. */
    Duration OFF_MAT_AFTER = Duration.ofMillis(1500);
    /** Both feet back on pads 1 and 2 this long resumes a paused session. */
    Duration RESUME_AFTER = Duration.ofSeconds(1);
    /** Off the mat this long ends the session ({@link StopReason#STEPPED_OFF}). */
    Duration MAX_PAUSE = Duration.ofSeconds(60);

    Program program();

    ExerciseOffer offer();

    ExercisePhase phase();

    void addListener(ExerciseListener listener);

    /** From the briefing into the warm-up; ignored in other phases. */
    void begin();

    /**
     * Pauses an active session at the senior's request (they pressed "멈추기" and are asked why);
     * stepping back on the mat does not resume it, only {@link #resume()} does.
     */
    void hold();

    /** Resumes a session held by {@link #hold()} (or paused by stepping off, once they are back). */
    void resume();

    /**
     * Ends a session that began, now, without a cool-down; it is recorded as stopped early with the
     * reason (for {@link StopReason#SYMPTOM}, with the symptom). Before it began, the same as
     * {@link #cancel()}.
     */
    void stop(StopReason reason);

    /**
     * The kiosk session ended around it: a session that began is recorded as stopped early
     * ({@link StopReason#TIMEOUT}); one still in its briefing ends with nothing recorded.
     */
    void cancel();

    /** Set once the session is {@link ExercisePhase#FINISHED}. */
    Optional<SessionResult> result();

    /** Whether the result reached the recorder; false when the recorder failed (the result is not saved). */
    boolean saved();
}
