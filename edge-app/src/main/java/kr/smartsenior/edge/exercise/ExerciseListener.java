package kr.smartsenior.edge.exercise;

/**
 * Hears an {@link ExerciseSession}; called on the sensor loop thread, so a screen must hand over to
 * its own thread. Keep it quick.
 */
public interface ExerciseListener {

    /** The session entered a phase (its result is set before FINISHED is announced). */
    void onPhase(ExerciseSession session, ExercisePhase phase);

    /** A new cue: show and say it. */
    default void onCue(ExerciseSession session, Cue cue) {
    }

    /** A cue was answered (or its time ran out). */
    default void onFeedback(ExerciseSession session, Feedback feedback) {
    }

    /** The difficulty changed: faster (or longer holds) when {@code harder}, else easier. */
    default void onAdapted(ExerciseSession session, boolean harder, int level, int tempoPercent) {
    }

    /** Live progress, about ten times a second while the session is active or paused. */
    default void onProgress(ExerciseSession session, ExerciseProgress progress) {
    }
}
