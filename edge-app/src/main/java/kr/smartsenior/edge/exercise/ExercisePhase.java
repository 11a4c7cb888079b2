package kr.smartsenior.edge.exercise;

/** Where a session is; the screen shows one view per phase. */
public enum ExercisePhase {
    /** What the program is, the safety sentence, where to stand; waits for {@link ExerciseSession#begin()}. */
    BRIEFING,
    /** Easy marching in place; nothing is scored. */
    WARM_UP,
    /** The program itself: targets, balance tasks or interval work, scored. */
    PLAY,
    /** Between two interval rounds: walk slowly in place. */
    REST,
    /** Stepped off the mat, or the senior asked to stop for a moment; the clock stands still. */
    PAUSED,
    /** Slow marching and breathing after the last round. */
    COOL_DOWN,
    /** Over (completed or stopped early), and recorded. */
    FINISHED,
    /** Abandoned before it began; nothing is recorded. */
    CANCELLED;

    /** Whether the session will not change phase again. */
    public boolean isFinal() {
        return this == FINISHED || this == CANCELLED;
    }

    /** Whether the senior is exercising (the phases that count as active time). */
    public boolean isActive() {
        return this == WARM_UP || this == PLAY || this == REST || this == COOL_DOWN;
    }
}
