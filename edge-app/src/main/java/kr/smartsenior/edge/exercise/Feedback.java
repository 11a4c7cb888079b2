package kr.smartsenior.edge.exercise;

/**
 * How the senior answered a cue, at once (this is the "instant feedback" of the programs).
 *
 * @param cueId          the {@link Cue#id()} answered
 * @param hit            right pad in time, position held, or a step in the interval's work
 * @param reactionMillis from the cue to the foot's first contact (to the position, for balance); -1
 *                       when there is none (a miss, a correct "stay", an interval step)
 * @param heldMillis     for balance tasks, how long the position was held; 0 otherwise
 * @param atNanos        loop time of the sensor event that decided it (the pad's first edge), or of
 *                       the timer when the window ran out
 */
public record Feedback(long cueId, boolean hit, long reactionMillis, long heldMillis, long atNanos) {
}
