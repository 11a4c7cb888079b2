package kr.smartsenior.edge.exercise;

/**
 * What the screen shows while a session runs, about ten times a second.
 *
 * @param phase           the current phase (PAUSED while paused)
 * @param activeMillis    time exercising so far (pauses excluded)
 * @param remainingMillis until the current phase ends (warm-up, play, a round, a rest, cool-down)
 * @param level           the level now (1-5; adaptation may have lowered it)
 * @param tempoPercent    the tempo against the level's own (100; above is faster, or longer holds)
 * @param hits            scored successes so far
 * @param misses          scored misses so far
 * @param steps           pad presses while playing
 * @param cadence         steps per minute over the current interval round (0 outside one)
 * @param round           the interval round (1-based), 0 for other programs
 * @param rounds          the interval's rounds, 0 for other programs
 * @param heldMillis      the balance task's hold so far (0 while not in position)
 * @param feetBack        paused after stepping off, and both feet are back on the home pads: the session goes
 *                        on once they have stood there {@link ExerciseSession#RESUME_AFTER}
 */
public record ExerciseProgress(ExercisePhase phase, long activeMillis, long remainingMillis, int level, int tempoPercent,
        int hits, int misses, int steps, int cadence, int round, int rounds, long heldMillis, boolean feetBack) {
}
